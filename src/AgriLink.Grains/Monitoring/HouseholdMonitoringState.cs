namespace AgriLink.Grains.Monitoring;

[GenerateSerializer, Alias("AgriLink.HouseholdMonitoringState")]
public sealed record HouseholdMonitoringState
{
    /// <summary>The case last claimed for the household; open while that case is (a claim whose case never opened counts as none).</summary>
    [Id(0)] public string? ClaimedCaseId { get; init; }

    /// <summary>
    /// False until the first claim: a household whose cases were opened before this grain existed learns its open case
    /// from the projection.
    /// </summary>
    [Id(1)] public bool Claimed { get; init; }
}
