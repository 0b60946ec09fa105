namespace AgriLink.Grains.Monitoring;

[GenerateSerializer, Alias("AgriLink.MonitoringVisitState")]
public sealed record MonitoringVisitState
{
    [Id(0)] public VisitView? Visit { get; init; }
}
