namespace AgriLink.Grains.Quotas;

/// <summary>
/// A budget unit's annual canteen food budget (fen) and, optionally, a reserve rate above its province's floor
/// in basis points (10% = 1000). Null takes the province's rate.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.QuotaDeclaration")]
public sealed record QuotaDeclaration(
    [property: Id(0)] long CanteenFoodBudgetFen,
    [property: Id(1)] int? ReserveRateBasisPoints = null);

/// <summary>A budget unit's live quota for a year. Only certified purchases count; the split shows where they came from.</summary>
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
    [property: Id(12)] int Purchases);
