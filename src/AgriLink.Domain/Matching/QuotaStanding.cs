namespace AgriLink.Domain.Matching;

/// <summary>The buyer's budget unit's purchasing quota this year: declared or not, and how much is still to buy (fen).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.QuotaStanding")]
public sealed record QuotaStanding(
    [property: Id(0)] bool Declared,
    [property: Id(1)] long RemainingFen);
