using AgriLink.Domain.Quotas;

namespace AgriLink.Grains.Quotas;

/// <summary>
/// The declaration and running totals of one budget unit's year. <see cref="References"/> holds every counted
/// purchase's reference for idempotency: a large unit makes some tens of thousands of purchases a year, a few MB at
/// most, which is acceptable for one row per unit-year (the totals are kept apart, so nothing is ever re-summed).
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

    public bool Declared => DeclaredAt is not null;
}
