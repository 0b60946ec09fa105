using AgriLink.Domain.Codes;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Households;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Households;
using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// The 防返贫监测 dashboards' counts (<see cref="MonitoringDashboardQueries"/>) and the market link's monitored members
/// (<see cref="MonitoringQueries.MonitoredMembers"/>) on SQLite and on PostgreSQL: a province, a prefecture, a county, a
/// township and a village each count their own cases only, grouped by the next area down.
/// </summary>
public sealed class DashboardQueryTests
{
    private static readonly DateTimeOffset Later = DateTimeOffset.UtcNow.AddDays(60);

    [Fact]
    public Task AreasCountTheirOwnCases() => OnEachEngine.Run(postgres: false, CountAndLink);

    [Fact]
    public Task AreasCountTheirOwnCasesOnPostgres() => OnEachEngine.Run(postgres: true, CountAndLink);

    private static async Task CountAndLink(AgriLinkFactory app)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var dashboards = app.Services.GetRequiredService<MonitoringDashboardQueries>();
        // 盘州 (六盘水 5202): two in 舍烹村, one in 娘娘山村 (普古乡), one in the next township, one without a village code;
        // 修文 (贵阳 5201): one.
        (string County, string? Village)[] homes =
            [("520281", "520281211201"), ("520281", "520281211201"), ("520281", "520281211202"), ("520281", "520281212201"), ("520281", null), ("520123", null)];
        var households = new List<string>();
        for (var i = 0; i < homes.Length; i++)
        {
            var id = $"hh-dash{i:D2}";
            await grains.GetGrain<IHouseholdGrain>(id).Register(new HouseholdProfile($"户主{i}", homes[i].County, "乡", "村", 3, null, homes[i].Village), null);
            await grains.GetGrain<IHouseholdMonitoringGrain>(id).OpenCase($"mc-dash{i:D2}", new OpenCase(id, DiscoveryChannel.CadreVisit, "走访"),
                CaseRole.CountyOfficer, "test");
            households.Add(id);
        }
        var confirmed = grains.GetGrain<IMonitoringCaseGrain>("mc-dash00");
        await confirmed.Act(new CaseCommand(CaseAction.VillageReview, "评议"), CaseRole.VillageCadre, "test");
        await confirmed.Act(new CaseCommand(CaseAction.TownshipCheck, "审核"), CaseRole.TownshipOfficer, "test");
        await confirmed.Act(new CaseCommand(CaseAction.CountyConfirm, "确认", MonitoringCategory.Marginal), CaseRole.CountyOfficer, "test");
        await grains.GetGrain<IMonitoringCaseGrain>("mc-dash01").Act(new CaseCommand(CaseAction.Dismiss, "不纳入"), CaseRole.VillageCadre, "test");

        var province = await dashboards.For("52", Later);
        Assert.Equal([("520123", "Reported", 1L), ("520281", "Confirmed", 1L), ("520281", "Dismissed", 1L), ("520281", "Reported", 3L)],
            Stages(province));
        Assert.Equal([("520123", 1L), ("520281", 4L)], Overdue(province));   // every open case is past its deadline 60 days on
        Assert.Equal(2, province.HouseholdsWithoutVillageCode);
        Assert.Equal([("Marginal", 1L)], province.ByCategory.Select(c => (c.Key, c.Count)));
        Assert.Equal([("CadreVisit", 6L)], province.ByChannel.Select(c => (c.Key, c.Count)));

        var prefecture = await dashboards.For("5202", Later);
        Assert.DoesNotContain(prefecture.ByArea, c => c.Area == "520123");
        Assert.Equal(1, prefecture.HouseholdsWithoutVillageCode);

        var county = await dashboards.For("520281", Later);
        Assert.Equal([(null, "Reported", 1L), ("520281211", "Confirmed", 1L), ("520281211", "Dismissed", 1L), ("520281211", "Reported", 1L),
            ("520281212", "Reported", 1L)], Stages(county));
        Assert.Equal(["hh-dash04"], (await dashboards.WithoutVillageCode("520281", null, 50)).Select(h => h.Id));
        Assert.Empty(await dashboards.WithoutVillageCode("520281", "hh-dash04", 50));

        var township = await dashboards.For("520281211", Later);
        Assert.Equal([("520281211201", "Confirmed", 1L), ("520281211201", "Dismissed", 1L), ("520281211202", "Reported", 1L)], Stages(township));
        Assert.Equal(0, township.HouseholdsWithoutVillageCode);
        Assert.Empty(await dashboards.WithoutVillageCode("520281211", null, 50));
        Assert.Equal([("520281211202", "Reported", 1L)], Stages(await dashboards.For("520281211202", Later)));
        Assert.Empty((await dashboards.For("53", Later)).ByArea);

        // The market link: a cooperative's members whose case is confirmed and open, and no one else's.
        var coop = grains.GetGrain<ICooperativeGrain>("coop-dashlink");
        await coop.Register(new CooperativeProfile("盘州市普古乡测试农民专业合作社", UnifiedSocialCreditCode.WithCheckCharacter("93520281MA6DKC9L2"), "520281", "舍烹村",
            "贵州省六盘水市盘州市普古乡舍烹村", "王测试", "13985812341", new DateOnly(2016, 5, 1)));
        foreach (var member in households.Take(4))
            await coop.AddMember(new CooperativeMember(member, MemberKind.Household, member, true, new DateOnly(2024, 3, 1)));
        var monitoring = app.Services.GetRequiredService<MonitoringQueries>();
        var monitored = await monitoring.MonitoredMembers(["coop-dashlink", "coop-none"]);
        Assert.Equal(["hh-dash00"], Assert.Single(monitored, m => m.Key == "coop-dashlink").Value);
        Assert.DoesNotContain("coop-none", monitored.Keys);
        Assert.Equal(["hh-dash00"], (await monitoring.MonitoredMembersOf("coop-dashlink", null, 10)).Select(m => m.MemberId));
    }

    private static List<(string?, string, long)> Stages(MonitoringDashboard d) =>
        d.ByArea.Where(c => c.Key != "overdue").Select(c => (c.Area, c.Key, c.Count)).OrderBy(c => c.Area ?? "").ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    private static List<(string?, long)> Overdue(MonitoringDashboard d) =>
        d.ByArea.Where(c => c.Key == "overdue").Select(c => (c.Area, c.Count)).OrderBy(c => c.Area ?? "").ToList();
}
