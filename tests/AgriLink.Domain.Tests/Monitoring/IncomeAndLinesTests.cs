using System.Collections.Immutable;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Monitoring;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.Monitoring;

/// <summary>Per-capita income against the monitoring line, and the line's table by province and year.</summary>
public sealed class IncomeAndLinesTests
{
    private static readonly Money Line = Money.FromYuan(6000);

    private static HouseholdIncome Year(int people, params (IncomeSource Source, long Fen)[] income) =>
        income.Aggregate(HouseholdIncome.Empty(2025, people), (y, i) => y.With(i.Source, Money.FromFen(i.Fen)));

    [Fact]
    public void PlatformAndDeclaredIncomeAddUpPerSource()
    {
        var year = Year(4, (IncomeSource.MemberTrade, 800_000), (IncomeSource.Dividends, 12_345), (IncomeSource.MemberTrade, 200_000),
            (IncomeSource.Wages, 1_500_000), (IncomeSource.Transfers, 60_000));

        Assert.Equal(1_000_000, year.Income[IncomeSource.MemberTrade].Fen);
        Assert.Equal((1_012_345L, 1_560_000L, 2_572_345L), (year.PlatformTotal.Fen, year.DeclaredTotal.Fen, year.Total.Fen));
        Assert.Equal(643_086, year.PerCapita.Fen);                 // 2,572,345 / 4 = 643,086.25 → down to the fen
        Assert.True(IncomeSource.OfftakeTopUp.IsPlatform());
        Assert.False(IncomeSource.OtherProduction.IsPlatform());
    }

    [Theory]
    [InlineData(3, 1_800_000, false)]   // exactly ¥6,000 each: at the line is not under it
    [InlineData(3, 1_799_999, true)]    // one fen short in total: ¥5,999.99(6) each
    [InlineData(1, 600_000, false)]
    [InlineData(1, 599_999, true)]
    [InlineData(7, 4_200_000, false)]
    [InlineData(7, 4_199_999, true)]    // 599,999.857… per person
    [InlineData(2, 0, true)]
    public void UnderTheLineIsDecidedOnTheTotalSoRoundingNeverMovesAHousehold(int people, long totalFen, bool below)
    {
        var year = Year(people, (IncomeSource.Wages, totalFen));
        Assert.Equal(below, year.IsBelow(Line));
        Assert.Equal(below, year.PerCapita < Line);
    }

    [Fact]
    public void PerCapitaIsTheTotalRoundedDownAndAgreesWithTheLineCheck() =>
        Gen.Select(Gen.Int[1, 30], Gen.Long[0, 100_000_000], Gen.Long[1, 10_000_000]).Sample((people, total, line) =>
        {
            var year = Year(people, (IncomeSource.Wages, total));
            Assert.True(year.PerCapita.Fen * people <= total && (year.PerCapita.Fen + 1) * people > total);
            Assert.Equal(year.PerCapita.Fen < line, year.IsBelow(Money.FromFen(line)));
        });

    [Fact]
    public void RigidExpensesAreKeptApartFromIncome()
    {
        var year = HouseholdIncome.Empty(2025, 3).With(RigidExpense.Medical, Money.FromYuan(20_000)).With(RigidExpense.Medical, Money.FromYuan(5_000))
            .With(RigidExpense.Education, Money.FromYuan(3_000));
        Assert.Equal((Money.FromYuan(28_000), Money.Zero), (year.ExpensesTotal, year.Total));
    }

    [Fact]
    public void TheNationalLineOf2021AppliesWhereNoProvinceHasItsOwn()
    {
        var line = MonitoringLines.Default.For("520281", 2025);
        Assert.Equal(new MonitoringLine("", 2021, Money.FromYuan(6000)), line);
        Assert.Null(MonitoringLines.Default.For("520281", 2020));
    }

    [Fact]
    public void AProvincesOwnFiguresTakeItsLatestYearUpToTheOneAsked()
    {
        var lines = MonitoringLines.With(new Dictionary<string, IReadOnlyDictionary<string, decimal>>
        {
            ["52"] = new Dictionary<string, decimal> { ["2023"] = 6900m, ["2025"] = 7300.50m },
            ["national"] = new Dictionary<string, decimal> { ["2022"] = 6200m },
        });

        Assert.Equal(new MonitoringLine("52", 2023, Money.FromYuan(6900)), lines.For("520281", 2024));
        Assert.Equal(new MonitoringLine("52", 2025, Money.FromFen(730_050)), lines.For("520123", 2026));
        Assert.Equal(new MonitoringLine("", 2022, Money.FromYuan(6200)), lines.For("520281", 2022));   // before Guizhou's first figure
        Assert.Equal(new MonitoringLine("", 2022, Money.FromYuan(6200)), lines.For("440103", 2030));
        Assert.Equal(new MonitoringLine("", 2021, Money.FromYuan(6000)), lines.For("440103", 2021));
    }

    [Fact]
    public void AMistakenTableIsRefusedAtStartWithEveryEntryNamed()
    {
        var error = Assert.Throws<ValidationFailedException>(() => MonitoringLines.With(new Dictionary<string, IReadOnlyDictionary<string, decimal>>
        {
            ["5202"] = new Dictionary<string, decimal> { ["2024"] = 7000m },
            ["52"] = new Dictionary<string, decimal> { ["2019"] = 5000m, ["2024"] = 0m, ["2025"] = 6999.999m, ["next"] = 7000m },
        }));
        string[] named = ["monitoring:lines:5202", "monitoring:lines:52:2019", "monitoring:lines:52:2024", "monitoring:lines:52:2025", "monitoring:lines:52:next"];
        Assert.Equal(named.Order(StringComparer.Ordinal), error.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
