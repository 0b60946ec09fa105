namespace AgriLink.Domain.Reviews;

/// <summary>A buyer's marks for one delivered sub-order, each from 1 (poor) to 5 (excellent).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ReviewScores")]
public sealed record ReviewScores(
    [property: Id(0)] int Quality,
    [property: Id(1)] int Freshness,
    [property: Id(2)] int Packaging,
    [property: Id(3)] int Delivery)
{
    public const int Lowest = 1;
    public const int Highest = 5;
}
