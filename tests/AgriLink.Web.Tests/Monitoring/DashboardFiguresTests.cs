using AgriLink.Domain.Households;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Households;
using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// The 防返贫监测 dashboards' measures, outcomes and incomes (<see cref="MonitoringDashboardQueries"/>) on SQLite and on
/// PostgreSQL: a province, a prefecture, a county, a township and a village each read their own totals and income rows.
/// </summary>
public sealed class DashboardFiguresTests
{
    [Fact]
    public Task EachAreaReadsItsOwnMeasuresOutcomesAndIncomes() => OnEachEngine.Run(postgres: false, Figures);

    [Fact]
    public Task EachAreaReadsItsOwnMeasuresOutcomesAndIncomesOnPostgres() => OnEachEngine.Run(postgres: true, Figures);

    private static readonly DateOnly Start = new(2026, 3, 1);

    private static async Task Figures(AgriLinkFactory app)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var dashboards = app.Services.GetRequiredService<MonitoringDashboardQueries>();
        // 盘州 (六盘水 5202): 舍烹村 and 娘娘山村 of 普古乡, a village of the next township; 修文 (贵阳 5201) without a village code.
        (string County, string? Village)[] homes = [("520281", "520281211201"), ("520281", "520281211202"), ("520281", "520281212201"), ("520123", null)];
        for (var i = 0; i < homes.Length; i++)
        {
            await grains.GetGrain<IHouseholdGrain>($"hh-fig{i:D2}").Register(new HouseholdProfile($"户主{i}", homes[i].County, "乡", "村", 3, null, homes[i].Village), null);
            await grains.GetGrain<IHouseholdMonitoringGrain>($"hh-fig{i:D2}").OpenCase($"mc-fig{i:D2}", new OpenCase($"hh-fig{i:D2}", DiscoveryChannel.CadreVisit, "走访"),
                CaseRole.CountyOfficer, "test");
        }
        async Task<IMonitoringCaseGrain> Confirmed(string id)
        {
            var grain = grains.GetGrain<IMonitoringCaseGrain>(id);
            await grain.Act(new CaseCommand(CaseAction.VillageReview, "评议"), CaseRole.VillageCadre, "test");
            await grain.Act(new CaseCommand(CaseAction.TownshipCheck, "审核"), CaseRole.TownshipOfficer, "test");
            await grain.Act(new CaseCommand(CaseAction.CountyConfirm, "确认", MonitoringCategory.Marginal), CaseRole.CountyOfficer, "test");
            return grain;
        }
        Task Measure(IMonitoringCaseGrain grain, MeasureKind kind) =>
            grain.Act(new CaseCommand(CaseAction.AddMeasure, Measure: new AssistanceMeasure(kind, "措施", "李书记", Start)), CaseRole.VillageCadre, "test");

        var shepeng = await Confirmed("mc-fig00");
        await Measure(shepeng, MeasureKind.IndustrySupport);
        await Measure(shepeng, MeasureKind.IndustrySupport);        // twice for one household: two measures, one household
        await Measure(shepeng, MeasureKind.Employment);
        Assert.True(await shepeng.RecordIncome(2025, 500_000, 600_000));
        Assert.False(await shepeng.RecordIncome(2025, 500_000, 600_000));   // the same figure again changes nothing
        await shepeng.Act(new CaseCommand(CaseAction.EliminateRisk, "收入稳定", MonthsAboveLine: 6), CaseRole.CountyOfficer, "test");
        await shepeng.Act(new CaseCommand(CaseAction.Close, "销号"), CaseRole.CountyOfficer, "test");
        var niangniang = await Confirmed("mc-fig01");
        await Measure(niangniang, MeasureKind.IndustrySupport);
        await niangniang.RecordIncome(2024, 400_000, 600_000);
        await niangniang.RecordIncome(2025, 650_000, 600_000);
        await niangniang.RecordIncome(2025, 700_000, 600_000);      // a later run's figure replaces the year's
        var dismissed = grains.GetGrain<IMonitoringCaseGrain>("mc-fig02");
        await dismissed.Act(new CaseCommand(CaseAction.Dismiss, "不纳入"), CaseRole.VillageCadre, "test");
        Assert.False(await dismissed.RecordIncome(2025, 100_000, 600_000));  // not monitored: no income kept
        var xiuwen = await Confirmed("mc-fig03");
        await Measure(xiuwen, MeasureKind.Employment);
        await xiuwen.RecordIncome(2025, 650_000, 600_000);
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var province = await dashboards.For("52", DateTimeOffset.UtcNow);
        Assert.Equal([("IndustrySupport", 3L, 2L), ("Employment", 2L, 2L)], Measures(province));
        Assert.Equal([(month, 1L, 1L)], province.Outcomes.Select(o => (o.Month, o.Eliminated, o.Dismissed)));
        Assert.Equal([(2024, 1L, 400_000L, 1L, 600_000L), (2025, 3L, 650_000L, 1L, 600_000L)], Incomes(province));
        Assert.Equal(3333, province.Incomes[1].UnderLineBasisPoints);

        var prefecture = await dashboards.For("5202", DateTimeOffset.UtcNow);
        Assert.Equal([("IndustrySupport", 3L, 2L), ("Employment", 1L, 1L)], Measures(prefecture));
        Assert.Equal((2025, 2L, 600_000L, 1L, 600_000L), Incomes(prefecture)[1]);     // (500,000 + 700,000) / 2

        var xiuwenCounty = await dashboards.For("520123", DateTimeOffset.UtcNow);
        Assert.Equal([("Employment", 1L, 1L)], Measures(xiuwenCounty));
        Assert.Empty(xiuwenCounty.Outcomes);
        Assert.Equal([(2025, 1L, 650_000L, 0L, 600_000L)], Incomes(xiuwenCounty));

        var pugu = await dashboards.For("520281211", DateTimeOffset.UtcNow);
        Assert.Equal([(month, 1L, 0L)], pugu.Outcomes.Select(o => (o.Month, o.Eliminated, o.Dismissed)));
        var village = await dashboards.For("520281211202", DateTimeOffset.UtcNow);
        Assert.Equal([("IndustrySupport", 1L, 1L)], Measures(village));
        Assert.Empty(village.Outcomes);
        Assert.Equal([(2024, 1L, 400_000L, 1L, 600_000L), (2025, 1L, 700_000L, 0L, 600_000L)], Incomes(village));
        Assert.Equal([(month, 0L, 1L)], (await dashboards.For("520281212", DateTimeOffset.UtcNow)).Outcomes.Select(o => (o.Month, o.Eliminated, o.Dismissed)));

        var elsewhere = await dashboards.For("53", DateTimeOffset.UtcNow);
        Assert.Empty(elsewhere.Measures);
        Assert.Empty(elsewhere.Outcomes);
        Assert.Empty(elsewhere.Incomes);

        // The totals kept by delta are what a rebuild from the case states computes.
        await app.Services.GetRequiredService<AgriLink.Storage.Projections.ProjectionRebuilder>().RebuildAsync(null, Api.Ct);
        foreach (var (area, before) in new[] { ("52", province), ("5202", prefecture), ("520281211202", village) })
        {
            var rebuilt = await dashboards.For(area, DateTimeOffset.UtcNow);
            Assert.Equal(Measures(before), Measures(rebuilt));
            Assert.Equal(before.Outcomes, rebuilt.Outcomes);
            Assert.Equal(Incomes(before), Incomes(rebuilt));
        }
    }

    [Fact]
    public Task TheWarningsRunRecordsAConfirmedHouseholdsIncome() => OnEachEngine.Run(postgres: false, async app =>
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year - 1;
        await grains.GetGrain<IHouseholdGrain>("hh-figw").Register(new HouseholdProfile("预警户", "522732", "周覃镇", "板光村", 3, null, null), null);
        await grains.GetGrain<IHouseholdDeclarationGrain>(new HouseholdYearKey("hh-figw", year).ToString()).Declare(new DeclaredIncome(WagesFen: 1_500_000), "test");
        await grains.GetGrain<IHouseholdMonitoringGrain>("hh-figw").OpenCase("mc-figw", new OpenCase("hh-figw", DiscoveryChannel.CadreVisit, "走访"),
            CaseRole.CountyOfficer, "test");
        await grains.GetGrain<IMonitoringWarningsGrain>("522732").Run();
        var dashboards = app.Services.GetRequiredService<MonitoringDashboardQueries>();
        Assert.Empty((await dashboards.For("522732", DateTimeOffset.UtcNow)).Incomes);    // reported, not yet confirmed: not monitored

        var grain = grains.GetGrain<IMonitoringCaseGrain>("mc-figw");
        await grain.Act(new CaseCommand(CaseAction.VillageReview, "评议"), CaseRole.VillageCadre, "test");
        await grain.Act(new CaseCommand(CaseAction.TownshipCheck, "审核"), CaseRole.TownshipOfficer, "test");
        await grain.Act(new CaseCommand(CaseAction.CountyConfirm, "确认", MonitoringCategory.UnstableExited), CaseRole.CountyOfficer, "test");
        await grains.GetGrain<IMonitoringWarningsGrain>("522732").Run();

        var income = Assert.Single((await dashboards.For("522732", DateTimeOffset.UtcNow)).Incomes);
        Assert.Equal((year, 1L, 500_000L, 1L, 600_000L), (income.Year, income.Households, income.MedianFen, income.UnderLine, income.LineFen));
    });

    private static List<(string, long, long)> Measures(MonitoringDashboard d) => d.Measures.Select(m => (m.Kind, m.Measures, m.Households)).ToList();

    private static List<(int, long, long, long, long)> Incomes(MonitoringDashboard d) =>
        d.Incomes.Select(i => (i.Year, i.Households, i.MedianFen, i.UnderLine, i.LineFen)).ToList();
}
