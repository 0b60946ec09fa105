using AgriLink.Domain.Quotas;

namespace AgriLink.Grains.Quotas;

/// <summary>
/// A budget unit's annual canteen food budget (fen) and, optionally, a reserve rate above its province's floor
/// in basis points (10% = 1000). Null takes the province's rate. <see cref="Canteen"/> says whether the unit runs
/// its canteen (自营食堂) or contracts a caterer (承包/外包餐饮), who is then named.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.QuotaDeclaration")]
public sealed record QuotaDeclaration(
    [property: Id(0)] long CanteenFoodBudgetFen,
    [property: Id(1)] int? ReserveRateBasisPoints = null,
    [property: Id(2)] CanteenOperation Canteen = CanteenOperation.SelfRun,
    [property: Id(3)] string? CatererName = null);

/// <summary>
/// A budget unit's live quota for a year. Only certified purchases count; the split shows where they came from.
/// <see cref="Months"/> has the twelve months of the year (null only from a caller older than months). Purchases counted
/// before monthly figures were kept (state stored by an earlier version) are in the totals but in no month:
/// <see cref="NotByMonthFen"/> and <see cref="NotByMonthPurchases"/> say how much, and <see cref="MonthsRecordedFrom"/>
/// the China date from which months were kept for this year (null while no purchase has been recorded since).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.QuotaProgress")]
public sealed record QuotaProgress(
    [property: Id(0)] string BuyerId,
    [property: Id(1)] int Year,
    [property: Id(2)] bool Declared,
    [property: Id(3)] long CanteenFoodBudgetFen,
    [property: Id(4)] int ReserveRateBasisPoints,
    [property: Id(5)] long QuotaFen,
    [property: Id(6)] long CountedFen,
    [property: Id(7)] long RemainingFen,
    [property: Id(8)] long OwnFen,
    [property: Id(9)] long UnionFen,
    [property: Id(10)] long EmployeeFen,
    [property: Id(11)] long UncertifiedFen,
    [property: Id(12)] int Purchases,
    [property: Id(13)] ReserveRateFloor? Floor = null,
    [property: Id(14)] CanteenOperation? Canteen = null,
    [property: Id(15)] string? CatererName = null,
    [property: Id(16)] DateTimeOffset? DeclaredAt = null,
    [property: Id(17)] IReadOnlyList<QuotaMonth>? Months = null,
    [property: Id(18)] long NotByMonthFen = 0,
    [property: Id(19)] int NotByMonthPurchases = 0,
    [property: Id(20)] DateOnly? MonthsRecordedFrom = null)
{
    /// <summary>How far the counted purchases have come toward the quota, in basis points (may exceed 10,000); 0 before a declaration.</summary>
    public int ProgressBasisPoints => Quota.BasisPointsOf(CountedFen, QuotaFen);

    /// <summary>The share of the budget actually spent on certified products so far, in basis points: the rate reached.</summary>
    public int ReachedRateBasisPoints => Quota.BasisPointsOf(CountedFen, CanteenFoodBudgetFen);

    public bool Met => Declared && CountedFen >= QuotaFen;
}
