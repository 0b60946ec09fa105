using AgriLink.Domain.Errors;
using AgriLink.Domain.Households;

namespace AgriLink.Domain.Monitoring;

/// <summary>The thresholds of the platform's warnings (部门筛查预警), from configuration; the defaults are a starting point, not policy.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.WarningThresholds")]
public sealed record WarningThresholds(
    [property: Id(0)] int IncomeDropBasisPoints = 3000,
    [property: Id(1)] int RigidExpenseBasisPoints = 5000,
    [property: Id(2)] int MonthsWithoutPlatformIncome = 6)
{
    public void Validate() =>
        new Validator()
            .Range("incomeDropBasisPoints", IncomeDropBasisPoints, 1, 10_000)
            .Range("rigidExpenseBasisPoints", RigidExpenseBasisPoints, 1, 100_000)
            .Range("monthsWithoutPlatformIncome", MonthsWithoutPlatformIncome, 1, 36)
            .ThrowIfInvalid();
}

/// <summary>
/// A reason to look at a household, with its figures: a proposal that opens a case, never a label. Codes:
/// <c>income-below-line</c>, <c>income-drop</c>, <c>rigid-expenses</c>, <c>platform-income-stopped</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.RiskWarning")]
public sealed record RiskWarning(
    [property: Id(0)] string Code,
    [property: Id(1)] int Year,
    [property: Id(2)] IReadOnlyDictionary<string, long> Figures);

/// <summary>What the platform knows of a household to warn on.</summary>
public sealed record WarningInput(
    PovertyStatus Status,
    HouseholdIncome ThisYear,
    HouseholdIncome? LastYear,
    MonitoringLine Line,
    DateOnly? LastPlatformIncome,
    DateOnly Today);

public static class RiskWarnings
{
    /// <summary>
    /// Every warning the figures give, each with the figures that gave it (fen, basis points, months):
    /// <list type="bullet">
    /// <item>per-capita income strictly under the line (exactly at the line is not under);</item>
    /// <item>total income down by more than the threshold year on year (a drop of exactly the threshold does not warn);</item>
    /// <item>rigid expenses above the threshold share of income (at it does not warn; any expense against no income does);</item>
    /// <item>a registered or exited household, which had platform income, without any for at least the threshold months.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<RiskWarning> Evaluate(WarningInput input, WarningThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(thresholds);
        var warnings = new List<RiskWarning>();
        var year = input.ThisYear;
        var total = year.Total.Fen;

        if (year.IsBelow(input.Line.PerPerson))
            warnings.Add(new("income-below-line", year.Year, new Dictionary<string, long>
            {
                ["perCapitaFen"] = year.PerCapita.Fen, ["lineFen"] = input.Line.PerPerson.Fen, ["lineYear"] = input.Line.Year,
                ["people"] = year.People, ["totalFen"] = total,
            }));

        if (input.LastYear is { } last && last.Total.Fen > 0
            && (Int128)(last.Total.Fen - total) * 10_000 > (Int128)last.Total.Fen * thresholds.IncomeDropBasisPoints)
            warnings.Add(new("income-drop", year.Year, new Dictionary<string, long>
            {
                ["lastYearFen"] = last.Total.Fen, ["thisYearFen"] = total,
                ["dropBasisPoints"] = (long)((Int128)(last.Total.Fen - total) * 10_000 / last.Total.Fen),
                ["thresholdBasisPoints"] = thresholds.IncomeDropBasisPoints,
            }));

        var expenses = year.ExpensesTotal.Fen;
        if (expenses > 0 && (Int128)expenses * 10_000 > (Int128)Math.Max(total, 0) * thresholds.RigidExpenseBasisPoints)
            warnings.Add(new("rigid-expenses", year.Year, new Dictionary<string, long>
            {
                ["expensesFen"] = expenses, ["incomeFen"] = total, ["thresholdBasisPoints"] = thresholds.RigidExpenseBasisPoints,
            }));

        if (input.Status is PovertyStatus.RegisteredPoor or PovertyStatus.Exited && input.LastPlatformIncome is { } lastPaid
            && MonthsBetween(lastPaid, input.Today) >= thresholds.MonthsWithoutPlatformIncome)
            warnings.Add(new("platform-income-stopped", year.Year, new Dictionary<string, long>
            {
                ["monthsWithout"] = MonthsBetween(lastPaid, input.Today), ["thresholdMonths"] = thresholds.MonthsWithoutPlatformIncome,
                ["lastIncomeDayNumber"] = lastPaid.DayNumber,
            }));

        return warnings;
    }

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (15 Jan → 14 Mar is 1; → 15 Mar is 2).</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return 0;
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        // A month counts once its day is reached (31 Jan → 28 Feb counts, the month having no 31st).
        var day = Math.Min(from.Day, DateTime.DaysInMonth(to.Year, to.Month));
        return to.Day >= day ? months : months - 1;
    }
}
