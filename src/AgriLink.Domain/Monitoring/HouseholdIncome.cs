using System.Collections.Immutable;

namespace AgriLink.Domain.Monitoring;

/// <summary>
/// A household's income and rigid expenses in one calendar year, by source, and its size that year. Per-capita income is
/// the total over the people, rounded down to the fen; whether it is under a line is decided on the total (total &lt; line ×
/// people), so rounding can never move a household across the line.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.HouseholdIncome")]
public sealed record HouseholdIncome(
    [property: Id(0)] int Year,
    [property: Id(1)] int People,
    [property: Id(2)] ImmutableSortedDictionary<IncomeSource, Money> Income,
    [property: Id(3)] ImmutableSortedDictionary<RigidExpense, Money> Expenses)
{
    public static HouseholdIncome Empty(int year, int people) =>
        new(year, people, ImmutableSortedDictionary<IncomeSource, Money>.Empty, ImmutableSortedDictionary<RigidExpense, Money>.Empty);

    public Money Total => Income.Values.Aggregate(Money.Zero, (sum, m) => sum + m);

    public Money PlatformTotal => Income.Where(i => i.Key.IsPlatform()).Aggregate(Money.Zero, (sum, i) => sum + i.Value);

    public Money DeclaredTotal => Total - PlatformTotal;

    public Money ExpensesTotal => Expenses.Values.Aggregate(Money.Zero, (sum, m) => sum + m);

    /// <summary>Per person, rounded down to the fen (for display; comparisons use <see cref="IsBelow"/>).</summary>
    public Money PerCapita => Money.FromFen(FloorDiv(Total.Fen, People));

    /// <summary>Per-capita income strictly under <paramref name="linePerPerson"/>: exactly at the line is not under it.</summary>
    public bool IsBelow(Money linePerPerson) => (Int128)Total.Fen < (Int128)linePerPerson.Fen * People;

    /// <summary>The same year with <paramref name="amount"/> added to a source (a dividend paid, a delivery recorded, a declaration).</summary>
    public HouseholdIncome With(IncomeSource source, Money amount) =>
        this with { Income = Income.SetItem(source, Income.GetValueOrDefault(source) + amount) };

    public HouseholdIncome With(RigidExpense kind, Money amount) =>
        this with { Expenses = Expenses.SetItem(kind, Expenses.GetValueOrDefault(kind) + amount) };

    private static long FloorDiv(long a, long b) => a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);
}
