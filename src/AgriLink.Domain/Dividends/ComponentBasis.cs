using AgriLink.Domain.Shares;

namespace AgriLink.Domain.Dividends;

/// <summary>
/// The numbers a component was computed from, so a statement can show the rule: only those that apply
/// are set. <see cref="DueFen"/> is what a floor or fee came to before any cut or cap;
/// <see cref="CounterpartyId"/> is the other side of a coordination fee.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ComponentBasis")]
public sealed record ComponentBasis(
    [property: Id(0)] ShareClass? ShareClass = null,
    [property: Id(1)] FloorKind? FloorKind = null,
    [property: Id(2)] long? AreaMilliMu = null,
    [property: Id(3)] long? PerMuFen = null,
    [property: Id(4)] int? RateBp = null,
    [property: Id(5)] long? PrincipalFen = null,
    [property: Id(6)] int? HoldingYear = null,
    [property: Id(7)] long? ProfitPerMuFen = null,
    [property: Id(8)] long? Shares = null,
    [property: Id(9)] long? TotalShares = null,
    [property: Id(10)] long? TradeVolumeFen = null,
    [property: Id(11)] long? TotalTradeFen = null,
    [property: Id(12)] long? PoolFen = null,
    [property: Id(13)] long? DueFen = null,
    [property: Id(14)] bool PreferredFloor = false,
    [property: Id(15)] string? FundId = null,
    [property: Id(16)] string? CounterpartyId = null);
