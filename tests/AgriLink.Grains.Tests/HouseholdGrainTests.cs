using AgriLink.Domain.Households;
using AgriLink.Grains.Households;
using Xunit;
using static AgriLink.Domain.Households.PovertyStatus;

namespace AgriLink.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class HouseholdGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    private IHouseholdGrain NewHousehold() => _client.GetGrain<IHouseholdGrain>(Samples.HouseholdId());

    private async Task<IHouseholdGrain> Registered(PovertyStatusChange? initial = null)
    {
        var grain = NewHousehold();
        await grain.Register(Samples.Household(), initial);
        return grain;
    }

    [Fact]
    public async Task RegisteredHouseholdIsReturnedByGetWithNormalizedProfile()
    {
        var grain = NewHousehold();

        await grain.Register(Samples.Household() with { HeadName = " 杨秀英 ", Village = "舍烹村 ", Phone = "+86 139-8581-2341" }, null);
        var details = await grain.Get();

        Assert.Equal(grain.GetPrimaryKeyString(), details.Id);
        Assert.Equal(Samples.Household() with { HeadName = "杨秀英", Phone = "13985812341" }, details.Profile);
        Assert.Equal(NotPoor, details.Status);
        Assert.Empty(details.StatusHistory);
    }

    [Fact]
    public async Task HouseholdWithoutPhoneKeepsNone()
    {
        var grain = NewHousehold();

        await grain.Register(Samples.Household() with { Phone = "  " }, null);

        Assert.Null((await grain.Get()).Profile.Phone);
    }

    [Fact]
    public async Task UnregisteredHouseholdIsNotFound()
    {
        var grain = NewHousehold();
        var id = grain.GetPrimaryKeyString();

        await GrainAssert.NotFoundAsync(grain.Get, "household", id);
        await GrainAssert.NotFoundAsync(() => grain.UpdateProfile(Samples.Household()), "household", id);
        await GrainAssert.NotFoundAsync(() => grain.ChangePovertyStatus(Samples.Change(RegisteredPoor, new(2014, 10, 15))), "household", id);
        Assert.False(await grain.Exists());
    }

    [Fact]
    public async Task RegisteringTwiceIsRefused()
    {
        var grain = await Registered();

        await GrainAssert.RefusedAsync(() => grain.Register(Samples.Household("李开富"), null), "household.exists");

        Assert.Equal(Samples.Household().HeadName, (await grain.Get()).Profile.HeadName);
    }

    [Fact]
    public async Task InvalidHouseholdIsNotRegistered()
    {
        var grain = NewHousehold();

        await GrainAssert.InvalidAsync(
            () => grain.Register(Samples.Household() with { CountyCode = "520000", People = 0, Phone = "123" }, null),
            "countyCode", "people", "phone");

        Assert.False(await grain.Exists());
    }

    [Fact]
    public async Task InvalidUpdateLeavesTheHouseholdAsItWas()
    {
        var grain = await Registered();
        var before = await grain.Get();

        await GrainAssert.InvalidAsync(() => grain.UpdateProfile(before.Profile with { People = 31, Village = "" }), "people", "village");

        Assert.Equal(before.Profile, (await grain.Get()).Profile);
    }

    [Fact]
    public async Task InitialStatusStartsTheHistory()
    {
        var grain = NewHousehold();
        var initial = Samples.Change(RegisteredPoor, new(2014, 10, 15), "精准识别建档立卡");

        var details = await grain.Register(Samples.Household(), initial);

        Assert.Equal(RegisteredPoor, details.Status);
        Assert.Equal([initial], (await grain.Get()).StatusHistory);
    }

    [Fact]
    public async Task InitialStatusInTheFutureRegistersNothing()
    {
        var grain = NewHousehold();

        await GrainAssert.InvalidAsync(
            () => grain.Register(Samples.Household(), Samples.Change(RegisteredPoor, ClusterFixture.Today.AddDays(1))), "effectiveOn");

        Assert.False(await grain.Exists());
    }

    [Fact]
    public async Task HouseholdMovesThroughTheRegisterExitMonitoringAndExitAgain()
    {
        var grain = await Registered();
        PovertyStatusChange[] path =
        [
            Samples.Change(RegisteredPoor, new(2014, 10, 15), "精准识别建档立卡"),
            Samples.Change(Exited, new(2019, 12, 20), "达到“一达标两不愁三保障”，退出"),
            Samples.Change(Monitored, new(2022, 6, 8), "家庭成员重病，纳入防返贫监测"),
            Samples.Change(Exited, new(2024, 3, 1), "风险消除"),
        ];

        foreach (var change in path)
        {
            Assert.Equal(change.Status, (await grain.ChangePovertyStatus(change)).Status);
        }

        var details = await grain.Get();
        Assert.Equal(Exited, details.Status);
        Assert.Equal(path, details.StatusHistory);
    }

    [Fact]
    public async Task RegisteredPoorHouseholdCannotBeMonitoredWithoutExitingFirst()
    {
        var grain = await Registered(Samples.Change(RegisteredPoor, new(2014, 10, 15)));

        await GrainAssert.RefusedAsync(() => grain.ChangePovertyStatus(Samples.Change(Monitored, new(2022, 6, 8))), "household.status-transition");

        var details = await grain.Get();
        Assert.Equal(RegisteredPoor, details.Status);
        Assert.Single(details.StatusHistory);
    }

    [Fact]
    public async Task HouseholdNeverOnTheRegisterReturnsToNotPoorAfterMonitoring()
    {
        var grain = await Registered(Samples.Change(Monitored, new(2023, 4, 1), "突发严重困难户"));

        await GrainAssert.RefusedAsync(() => grain.ChangePovertyStatus(Samples.Change(Exited, new(2024, 4, 1))), "household.status-transition");
        var details = await grain.ChangePovertyStatus(Samples.Change(NotPoor, new(2024, 4, 1), "风险消除"));

        Assert.Equal(NotPoor, details.Status);
        Assert.Equal([Monitored, NotPoor], details.StatusHistory.Select(c => c.Status));
    }

    [Fact]
    public async Task ChangeDatedBeforeTheLastOneIsRefused()
    {
        var grain = await Registered(Samples.Change(RegisteredPoor, new(2014, 10, 15)));
        await grain.ChangePovertyStatus(Samples.Change(Exited, new(2019, 12, 20)));

        await GrainAssert.InvalidAsync(() => grain.ChangePovertyStatus(Samples.Change(Monitored, new(2019, 12, 19))), "effectiveOn");
        await grain.ChangePovertyStatus(Samples.Change(Monitored, new(2019, 12, 20)));

        Assert.Equal(3, (await grain.Get()).StatusHistory.Count);
    }

    [Fact]
    public async Task ChangeDatedAfterTodayInChinaIsRefused()
    {
        var grain = await Registered();

        await GrainAssert.InvalidAsync(() => grain.ChangePovertyStatus(Samples.Change(RegisteredPoor, ClusterFixture.Today.AddDays(1))), "effectiveOn");

        Assert.Empty((await grain.Get()).StatusHistory);
    }

    [Fact]
    public async Task ChangeDatedTodayInChinaIsAcceptedWhileUtcIsStillOnThePreviousDay()
    {
        var grain = await Registered();
        var chinaToday = Samples.Change(Monitored, ClusterFixture.Today);
        Assert.Equal(ClusterFixture.Today.AddDays(-1), DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime));

        var details = await grain.ChangePovertyStatus(chinaToday);

        Assert.Equal(Monitored, details.Status);
        Assert.Equal(chinaToday, Assert.Single((await grain.Get()).StatusHistory));
    }

    [Fact]
    public async Task ChangeWithoutReasonIsRefused()
    {
        var grain = await Registered();

        await GrainAssert.InvalidAsync(() => grain.ChangePovertyStatus(Samples.Change(RegisteredPoor, new(2014, 10, 15), reason: " ")), "reason");

        Assert.Equal(NotPoor, (await grain.Get()).Status);
    }

    [Fact]
    public async Task ProfileUpdateKeepsThePovertyHistory()
    {
        var grain = await Registered(Samples.Change(RegisteredPoor, new(2014, 10, 15)));

        var details = await grain.UpdateProfile(Samples.Household() with { People = 6 });

        Assert.Equal(6, details.Profile.People);
        Assert.Equal(RegisteredPoor, details.Status);
        Assert.Single((await grain.Get()).StatusHistory);
    }
}
