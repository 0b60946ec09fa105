using AgriLink.Domain.Households;
using AgriLink.Domain.Monitoring;
using Xunit;

namespace AgriLink.Domain.Tests.Monitoring;

/// <summary>Each warning at its boundary: exactly at a threshold does not warn, one fen (or month) past it does.</summary>
public sealed class WarningRulesTests
{
    private static readonly MonitoringLine Line = new("", 2021, Money.FromYuan(6000));
    private static readonly WarningThresholds Thresholds = new(IncomeDropBasisPoints: 3000, RigidExpenseBasisPoints: 5000, MonthsWithoutPlatformIncome: 6);
    private static readonly DateOnly Today = new(2025, 12, 15);

    private static HouseholdIncome Year(int year, int people, long wagesFen, long medicalFen = 0) =>
        HouseholdIncome.Empty(year, people).With(IncomeSource.Wages, Money.FromFen(wagesFen)).With(RigidExpense.Medical, Money.FromFen(medicalFen));

    private static IReadOnlyList<RiskWarning> Warn(HouseholdIncome thisYear, HouseholdIncome? lastYear = null, PovertyStatus status = PovertyStatus.NotPoor,
        DateOnly? lastPlatformIncome = null) =>
        RiskWarnings.Evaluate(new WarningInput(status, thisYear, lastYear, Line, lastPlatformIncome, Today), Thresholds);

    [Fact]
    public void UnderTheLineWarnsOneFenBelowNotAtIt()
    {
        Assert.Empty(Warn(Year(2025, 2, 1_200_000)));
        var warning = Assert.Single(Warn(Year(2025, 2, 1_199_999)));
        Assert.Equal("income-below-line", warning.Code);
        Assert.Equal(599_999, warning.Figures["perCapitaFen"]);
        Assert.Equal((600_000L, 2021L, 2L), (warning.Figures["lineFen"], warning.Figures["lineYear"], warning.Figures["people"]));
    }

    [Fact]
    public void ADropOfExactlyTheThresholdDoesNotWarnOneFenMoreDoes()
    {
        var last = Year(2024, 1, 2_000_000);
        Assert.DoesNotContain(Warn(Year(2025, 1, 1_400_000), last), w => w.Code == "income-drop");      // −30.00%
        var warning = Assert.Single(Warn(Year(2025, 1, 1_399_999), last), w => w.Code == "income-drop");
        Assert.Equal((2_000_000L, 1_399_999L, 3000L), (warning.Figures["lastYearFen"], warning.Figures["thisYearFen"], warning.Figures["dropBasisPoints"]));
        Assert.DoesNotContain(Warn(Year(2025, 1, 2_500_000), last), w => w.Code == "income-drop");      // a rise
        Assert.DoesNotContain(Warn(Year(2025, 1, 0), Year(2024, 1, 0)), w => w.Code == "income-drop");  // nothing to drop from
    }

    [Fact]
    public void RigidExpensesWarnAboveTheirShareOfIncome()
    {
        Assert.Empty(Warn(Year(2025, 1, 1_000_000, medicalFen: 500_000)));                            // exactly 50%
        var warning = Assert.Single(Warn(Year(2025, 1, 1_000_000, medicalFen: 500_001)));
        Assert.Equal(("rigid-expenses", 500_001L, 1_000_000L), (warning.Code, warning.Figures["expensesFen"], warning.Figures["incomeFen"]));
        Assert.Contains(Warn(Year(2025, 1, 0, medicalFen: 1)), w => w.Code == "rigid-expenses");       // any expense against no income
    }

    [Theory]
    [InlineData(PovertyStatus.Exited, "2025-06-15", true)]          // six whole months
    [InlineData(PovertyStatus.Exited, "2025-06-16", false)]         // a day short of six
    [InlineData(PovertyStatus.RegisteredPoor, "2024-01-01", true)]
    [InlineData(PovertyStatus.NotPoor, "2024-01-01", false)]        // only registered and exited households are followed so
    [InlineData(PovertyStatus.Monitored, "2024-01-01", false)]      // already a case
    public void PlatformIncomeThatStoppedWarnsForRegisteredAndExitedHouseholds(PovertyStatus status, string lastPaid, bool warns)
    {
        var warnings = Warn(Year(2025, 1, 2_000_000), status: status, lastPlatformIncome: DateOnly.Parse(lastPaid));
        Assert.Equal(warns, warnings.Any(w => w.Code == "platform-income-stopped"));
        Assert.DoesNotContain(Warn(Year(2025, 1, 2_000_000), status: status), w => w.Code == "platform-income-stopped");  // never had any
    }

    [Theory]
    [InlineData("2025-01-15", "2025-03-14", 1)]
    [InlineData("2025-01-15", "2025-03-15", 2)]
    [InlineData("2025-01-31", "2025-02-28", 1)]   // February has no 31st: its last day completes the month
    [InlineData("2024-12-31", "2025-12-30", 11)]
    [InlineData("2025-03-01", "2025-02-01", 0)]
    public void WholeMonthsAreCountedByTheDay(string from, string to, int months) =>
        Assert.Equal(months, RiskWarnings.MonthsBetween(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void SeveralReasonsGiveSeveralWarnings()
    {
        var warnings = Warn(Year(2025, 3, 900_000, medicalFen: 2_000_000), Year(2024, 3, 2_100_000), PovertyStatus.Exited, new DateOnly(2025, 1, 10));
        Assert.Equal(["income-below-line", "income-drop", "rigid-expenses", "platform-income-stopped"], warnings.Select(w => w.Code));
    }
}
