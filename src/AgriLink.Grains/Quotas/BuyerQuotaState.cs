using AgriLink.Domain.Quotas;

namespace AgriLink.Grains.Quotas;

/// <summary>
/// The declaration and running totals of one budget unit's year. <see cref="References"/> holds every counted
/// purchase's reference for idempotency: a large unit makes some tens of thousands of purchases a year, a few MB at
/// most, which is acceptable for one row per unit-year (the totals are kept apart, so nothing is ever re-summed).
/// <see cref="Months"/> keeps the same certified amounts by the purchase's month (1–12). A state stored before months
/// were kept has purchases in its totals that are in no month; <see cref="MonthsRecordedFrom"/> is the China date of the
/// first purchase recorded by month on such a state (null otherwise, and on states that never lacked months).
/// </summary>
[GenerateSerializer, Alias("AgriLink.BuyerQuotaState")]
public sealed record BuyerQuotaState
{
    [Id(0)] public long CanteenFoodBudgetFen { get; init; }
    [Id(1)] public int ReserveRateBasisPoints { get; init; }
    [Id(2)] public ReserveRateFloor? Floor { get; init; }
    [Id(3)] public CanteenOperation? Canteen { get; init; }
    [Id(4)] public string? CatererName { get; init; }
    [Id(5)] public DateTimeOffset? DeclaredAt { get; init; }
    [Id(6)] public long OwnFen { get; init; }
    [Id(7)] public long UnionFen { get; init; }
    [Id(8)] public long EmployeeFen { get; init; }
    [Id(9)] public long UncertifiedFen { get; init; }
    [Id(10)] public HashSet<string> References { get; init; } = new(StringComparer.Ordinal);
    [Id(11)] public Dictionary<int, QuotaMonthTotals> Months { get; init; } = [];
    [Id(12)] public DateOnly? MonthsRecordedFrom { get; init; }

    public bool Declared => DeclaredAt is not null;
}

/// <summary>One month's certified purchases by channel, and how many purchases (certified or not) fell in it.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.QuotaMonthTotals")]
public sealed record QuotaMonthTotals(
    [property: Id(0)] long OwnFen,
    [property: Id(1)] long UnionFen,
    [property: Id(2)] long EmployeeFen,
    [property: Id(3)] int Purchases)
{
    public static readonly QuotaMonthTotals None = new(0, 0, 0, 0);

    public long CountedFen => checked(OwnFen + UnionFen + EmployeeFen);

    public QuotaMonthTotals Add(QuotaChannel channel, long certifiedFen) => new(
        checked(OwnFen + (channel == QuotaChannel.Own ? certifiedFen : 0)),
        checked(UnionFen + (channel == QuotaChannel.Union ? certifiedFen : 0)),
        checked(EmployeeFen + (channel == QuotaChannel.Employee ? certifiedFen : 0)),
        Purchases + 1);

    /// <summary>A refund of part of a purchase counted in this month: its amount comes off, the purchase still counts as one.</summary>
    public QuotaMonthTotals Remove(QuotaChannel channel, long certifiedFen) => Add(channel, -certifiedFen) with { Purchases = Purchases };
}
