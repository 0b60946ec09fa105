using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Households;
using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using Orleans.Storage;
using Xunit;

namespace AgriLink.Grains.Tests.Monitoring;

/// <summary>
/// A household has one open case at a time, decided by its <see cref="IHouseholdMonitoringGrain"/>: findings that arrive
/// together (a warning, a visit, a department's row, a self-report) open one case, and the others learn its id.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HouseholdMonitoringGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    private MonitoringQueries Cases => new(fixture.Database);

    private async Task<string> Household()
    {
        var id = Samples.HouseholdId();
        await _client.GetGrain<IHouseholdGrain>(id).Register(Samples.Household(), null);
        return id;
    }

    private static (DiscoveryChannel Channel, CaseRole Role) Finding(int i) => (i % 4) switch
    {
        0 => (DiscoveryChannel.CadreVisit, CaseRole.VillageCadre),
        1 => (DiscoveryChannel.DepartmentData, CaseRole.CountyOfficer),
        2 => (DiscoveryChannel.PlatformWarning, CaseRole.Platform),
        _ => (DiscoveryChannel.SelfReport, CaseRole.Household),
    };

    private Task<CaseOpening> Open(string household, string caseId, int finding = 0) =>
        _client.GetGrain<IHouseholdMonitoringGrain>(household).OpenCase(caseId,
            new OpenCase(household, Finding(finding).Channel, "发现风险"), Finding(finding).Role, "tester");

    [Fact]
    public async Task FindingsAtOnceOpenOneCaseAndTheOthersNameIt()
    {
        var household = await Household();
        var ids = Enumerable.Range(0, 12).Select(i => $"mc-race-{household}-{i}").ToList();

        var openings = await Task.WhenAll(ids.Select((id, i) => Task.Run(() => Open(household, id, i))));

        var opened = Assert.Single(openings, o => o.Opened);
        Assert.All(openings, o => Assert.Equal(opened.Case.Id, o.Case.Id));
        foreach (var id in ids.Where(id => id != opened.Case.Id))
            Assert.Null(await _client.GetGrain<IMonitoringCaseGrain>(id).Get());
        var rows = await Cases.Cases(["520281"], null, null, ClusterFixture.FirstPage);
        Assert.Single(rows.Items, r => r.HouseholdId == household);
        Assert.Equal(opened.Case.Id, await Cases.OpenCaseOf(household));
    }

    [Fact]
    public async Task AClosedCaseMakesWayForTheNext()
    {
        var household = await Household();
        var first = await Open(household, $"mc-first-{household}");
        await _client.GetGrain<IMonitoringCaseGrain>(first.Case.Id).Act(new CaseCommand(CaseAction.Dismiss, "评议不属于监测对象"), CaseRole.VillageCadre, "cadre");

        var second = await Open(household, $"mc-second-{household}", 1);

        Assert.True(second.Opened);
        Assert.Equal($"mc-second-{household}", second.Case.Id);
        Assert.Equal(second.Case.Id, await _client.GetGrain<IHouseholdMonitoringGrain>(household).OpenCaseId());
    }

    [Fact]
    public async Task ACaseOpenedBeforeTheGrainExistedIsFoundFromTheProjection()
    {
        var household = await Household();
        var earlier = $"mc-earlier-{household}";
        await _client.GetGrain<IMonitoringCaseGrain>(earlier).Open(new OpenCase(household, DiscoveryChannel.SelfReport, "自主申报"), CaseRole.Household, "tester");

        var opening = await Open(household, $"mc-later-{household}");

        Assert.False(opening.Opened);
        Assert.Equal(earlier, opening.Case.Id);
        Assert.Null(await _client.GetGrain<IMonitoringCaseGrain>($"mc-later-{household}").Get());
    }

    [Fact]
    public async Task TheSameCaseIdAgainAnswersItsCase()
    {
        var household = await Household();
        var id = $"mc-retry-{household}";

        var first = await Open(household, id);
        var again = await Open(household, id);

        Assert.True(first.Opened);
        Assert.Equal(id, again.Case.Id);
        Assert.Equal(first.Case.Case.OpenedAt, again.Case.Case.OpenedAt);
        Assert.Single(again.Case.Case.Steps);
    }

    [Fact]
    public async Task AClaimOverAStaleStateIsRefusedAndOpensNothing()
    {
        // What a second activation of the grain (a cluster's membership in flux) would meet: another claim stored since it read.
        var household = await Household();
        var first = await Open(household, $"mc-a-{household}");
        await _client.GetGrain<IMonitoringCaseGrain>(first.Case.Id).Act(new CaseCommand(CaseAction.Dismiss, "不属于监测对象"), CaseRole.VillageCadre, "cadre");
        var grain = _client.GetGrain<IHouseholdMonitoringGrain>(household);
        await fixture.ChangeStoredStateAsync<HouseholdMonitoringState>("household-monitoring", grain, s => s with { ClaimedCaseId = $"mc-elsewhere-{household}" });

        await Assert.ThrowsAsync<InconsistentStateException>(() => Open(household, $"mc-b-{household}"));

        Assert.Null(await _client.GetGrain<IMonitoringCaseGrain>($"mc-b-{household}").Get());
        // The retry reads the stored claim, whose case never opened, and opens.
        Assert.True((await Open(household, $"mc-b-{household}")).Opened);
    }
}
