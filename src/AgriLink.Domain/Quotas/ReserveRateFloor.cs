namespace AgriLink.Domain.Quotas;

/// <summary>The lowest reserve rate a region allows, and the region-code prefix whose rule it is ("" for the national floor).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ReserveRateFloor")]
public sealed record ReserveRateFloor(
    [property: Id(0)] string RegionPrefix,
    [property: Id(1)] int BasisPoints);
