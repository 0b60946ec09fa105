namespace AgriLink.Grains.Offtake;

[GenerateSerializer, Alias("AgriLink.OfftakeIndexState")]
public sealed record OfftakeIndexState
{
    [Id(0)] public Dictionary<string, OfftakeSummary> Contracts { get; init; } = new(StringComparer.Ordinal);
}
