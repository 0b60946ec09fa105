namespace AgriLink.Domain.Dividends;

/// <summary>One part of a shareholder's dividend: what, from which holding, how much, and why.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DividendComponent")]
public sealed record DividendComponent(
    [property: Id(0)] DividendComponentKind Kind,
    [property: Id(1)] string? HoldingId,
    [property: Id(2)] long AmountFen,
    [property: Id(3)] ComponentBasis Basis)
{
    /// <summary>Everything but a floor liability is paid now.</summary>
    public bool IsPaid => Kind != DividendComponentKind.FloorLiability;
}
