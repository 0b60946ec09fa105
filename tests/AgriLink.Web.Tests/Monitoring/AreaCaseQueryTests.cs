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
/// The area-filtered case list (<see cref="MonitoringQueries.Cases"/>) on SQLite and on PostgreSQL: a village's, a
/// township's and a county's cases, by stage, a page at a time by id with no case twice and none left out; a household
/// without a village code only in its county's list.
/// </summary>
public sealed class AreaCaseQueryTests
{
    [Fact]
    public Task CasesFilterByAreaAndPageByKey() => OnEachEngine.Run(postgres: false, FilterAndPage);

    [Fact]
    public Task CasesFilterByAreaAndPageByKeyOnPostgres() => OnEachEngine.Run(postgres: true, FilterAndPage);

    private static async Task FilterAndPage(AgriLinkFactory app)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var queries = app.Services.GetRequiredService<MonitoringQueries>();
        // Two villages of 普古乡, one of the township next to it, and a household without a village code: 3, 2, 2 and 1 cases.
        string[] villages = ["520281211201", "520281211201", "520281211201", "520281211202", "520281211202", "520281212201", "520281212201", ""];
        var cases = new List<(string Id, string Village)>();
        for (var i = 0; i < villages.Length; i++)
        {
            var household = $"hh-areaq{i:D2}";
            await grains.GetGrain<IHouseholdGrain>(household).Register(
                new HouseholdProfile($"户主{i}", "520281", "普古乡", "村", 3, null, villages[i] == "" ? null : villages[i]), null);
            var id = $"mc-areaq{i:D2}";
            await grains.GetGrain<IMonitoringCaseGrain>(id).Open(new OpenCase(household, DiscoveryChannel.CadreVisit, "走访"), CaseRole.CountyOfficer, "test");
            cases.Add((id, villages[i]));
        }
        await grains.GetGrain<IMonitoringCaseGrain>("mc-areaq01").Act(new CaseCommand(CaseAction.VillageReview, "评议"), CaseRole.VillageCadre, "test");

        Assert.Equal(Expected(cases, c => c.Village == "520281211201"), await All(queries, ["520281211201"], null));
        Assert.Equal(Expected(cases, c => c.Village.StartsWith("520281211", StringComparison.Ordinal)), await All(queries, ["520281211"], null));
        Assert.Equal(Expected(cases, c => c.Village is "520281211202" or "520281212201"), await All(queries, ["520281211202", "520281212"], null));
        Assert.Equal(Expected(cases, _ => true), await All(queries, ["520281"], null));
        Assert.Equal(["mc-areaq01"], await All(queries, ["520281211"], "VillageReviewed"));
        Assert.Equal(["mc-areaq00", "mc-areaq02"], await All(queries, ["520281211201"], "Reported"));
        Assert.Empty(await All(queries, ["520123"], null));
        Assert.Empty(await All(queries, [], null));

        var first = await queries.Cases(["520281211"], null, null, new PageRequest(0, 2, null));
        Assert.Equal(5, first.Total);
        Assert.Equal(2, first.Items.Count);
        Assert.Equal("mc-areaq01", first.Next);
    }

    private static List<string> Expected(List<(string Id, string Village)> cases, Func<(string Id, string Village), bool> filter) =>
        cases.Where(filter).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every page of the list, two at a time, by the key each page gives.</summary>
    private static async Task<List<string>> All(MonitoringQueries queries, string[] areas, string? stage)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await queries.Cases(areas, stage, null, new PageRequest(0, 2, after));
            Assert.True(page.Items.Count <= 2);
            ids.AddRange(page.Items.Select(c => c.Id));
            after = page.Next;
        }
        while (after is not null);
        return ids;
    }
}
