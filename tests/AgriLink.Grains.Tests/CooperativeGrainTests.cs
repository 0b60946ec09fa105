using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Enterprises;
using AgriLink.Grains.Households;
using AgriLink.Grains.VillageCollectives;
using Xunit;

namespace AgriLink.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CooperativeGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    private ICooperativeGrain NewCooperative() => _client.GetGrain<ICooperativeGrain>(Samples.CooperativeId());

    private async Task<ICooperativeGrain> RegisteredCooperative()
    {
        var grain = NewCooperative();
        await grain.Register(Samples.Cooperative());
        return grain;
    }

    [Fact]
    public async Task RegisteredCooperativeIsReturnedByGet()
    {
        var grain = NewCooperative();

        var registered = await grain.Register(Samples.Cooperative());
        var fetched = await grain.Get();

        Assert.Equal(grain.GetPrimaryKeyString(), fetched.Id);
        Assert.Equal(Samples.Cooperative(), fetched.Profile);
        Assert.Equal(registered.Profile, fetched.Profile);
        Assert.Empty(fetched.Members);
        Assert.True(await grain.Exists());
    }

    [Fact]
    public async Task RegistrationIsStampedWithChinaTimeFromTheSiloClock()
    {
        var details = await NewCooperative().Register(Samples.Cooperative());

        Assert.Equal(TimeSpan.FromHours(8), details.RegisteredAt.Offset);
        Assert.InRange(details.RegisteredAt.UtcDateTime, ClusterFixture.Anchor.UtcDateTime, ClusterFixture.Anchor.UtcDateTime.AddMinutes(5));
        Assert.Equal(details.RegisteredAt, details.UpdatedAt);
    }

    [Fact]
    public async Task RegistrationStoresTheNormalizedProfile()
    {
        var grain = NewCooperative();
        var sample = Samples.Cooperative();
        var messy = sample with
        {
            Name = "  " + sample.Name + " ",
            CreditCode = sample.CreditCode.ToLowerInvariant(),
            Phone = "+86 139-8581-2341",
            Description = "   ",
        };

        await grain.Register(messy);
        var stored = (await grain.Get()).Profile;

        Assert.Equal(sample.Name, stored.Name);
        Assert.Equal(sample.CreditCode, stored.CreditCode);
        Assert.Equal("13985812341", stored.Phone);
        Assert.Null(stored.Description);
    }

    [Fact]
    public async Task UnregisteredCooperativeIsNotFound()
    {
        var grain = NewCooperative();
        var id = grain.GetPrimaryKeyString();

        var error = await GrainAssert.NotFoundAsync(grain.Get, "cooperative", id);

        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        await GrainAssert.NotFoundAsync(() => grain.UpdateProfile(Samples.Cooperative()), "cooperative", id);
        await GrainAssert.NotFoundAsync(() => grain.RemoveMember("hh-anyone"), "cooperative", id);
        Assert.False(await grain.Exists());
    }

    [Fact]
    public async Task RegisteringTwiceIsRefusedAndKeepsTheFirstProfile()
    {
        var grain = await RegisteredCooperative();

        await GrainAssert.RefusedAsync(() => grain.Register(Samples.Cooperative("另一个合作社")), "cooperative.exists");

        Assert.Equal(Samples.Cooperative().Name, (await grain.Get()).Profile.Name);
    }

    [Fact]
    public async Task InvalidRegistrationNamesEveryBadFieldAndRegistersNothing()
    {
        var grain = NewCooperative();
        var bad = Samples.Cooperative() with
        {
            CreditCode = Samples.CreditCodeWithWrongCheck("93", "520281", "MA6DKC1L2"),
            CountyCode = "520000",
            Phone = "123",
        };

        await GrainAssert.InvalidAsync(() => grain.Register(bad), "creditCode", "countyCode", "phone");

        Assert.False(await grain.Exists());
        Assert.Null(await fixture.StoredVersionAsync("cooperative", grain));
    }

    [Fact]
    public async Task CooperativeFoundedAfterTodayInChinaIsRefused()
    {
        var grain = NewCooperative();

        await GrainAssert.InvalidAsync(() => grain.Register(Samples.Cooperative() with { FoundedOn = ClusterFixture.Today.AddDays(1) }), "foundedOn");
        await grain.Register(Samples.Cooperative() with { FoundedOn = ClusterFixture.Today });

        Assert.Equal(ClusterFixture.Today, (await grain.Get()).Profile.FoundedOn);
    }

    [Fact]
    public async Task InvalidUpdateLeavesTheStoredProfileUntouched()
    {
        var grain = await RegisteredCooperative();
        var before = await grain.Get();
        var version = await fixture.StoredVersionAsync("cooperative", grain);

        await GrainAssert.InvalidAsync(() => grain.UpdateProfile(before.Profile with { Name = " ", Phone = "123" }), "name", "phone");

        var after = await grain.Get();
        Assert.Equal(before.Profile, after.Profile);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(version, await fixture.StoredVersionAsync("cooperative", grain));
    }

    [Fact]
    public async Task UpdateReplacesTheProfileAndKeepsTheRegistrationTime()
    {
        var grain = await RegisteredCooperative();
        var before = await grain.Get();

        var updated = await grain.UpdateProfile(before.Profile with { LegalRepresentative = "  李正芬 ", Phone = "0858 3721001" });

        Assert.Equal("李正芬", updated.Profile.LegalRepresentative);
        Assert.Equal("0858-3721001", updated.Profile.Phone);
        Assert.Equal(before.RegisteredAt, updated.RegisteredAt);
        Assert.True(updated.UpdatedAt > before.UpdatedAt);
        Assert.Equal(updated.Profile, (await grain.Get()).Profile);
    }

    [Fact]
    public async Task RegisteredHouseholdCollectiveAndEnterpriseCanJoinAlongsideAnIndividual()
    {
        var grain = await RegisteredCooperative();
        var household = Samples.HouseholdId();
        var collective = Samples.CollectiveId();
        var enterprise = Samples.EnterpriseId();
        await _client.GetGrain<IHouseholdGrain>(household).Register(Samples.Household(), null);
        await _client.GetGrain<IVillageCollectiveGrain>(collective).Register(Samples.Collective());
        await _client.GetGrain<IEnterpriseGrain>(enterprise).Register(Samples.Enterprise());
        var joined = new DateOnly(2020, 3, 1);

        await grain.AddMember(new(household, MemberKind.Household, "王德明", IsFarmer: true, joined));
        await grain.AddMember(new(collective, MemberKind.VillageCollective, "大木村股份经济合作社", IsFarmer: false, joined));
        await grain.AddMember(new(enterprise, MemberKind.Enterprise, "黔丰农业", IsFarmer: false, joined));
        await grain.AddMember(new(" ind-luo ", MemberKind.Individual, " 罗永贵 ", IsFarmer: true, joined, IsOfficer: true));

        var members = (await grain.Get()).Members;
        Assert.Equal([household, collective, enterprise, "ind-luo"], members.Select(m => m.MemberId));
        Assert.Equal("罗永贵", members[^1].DisplayName);
        Assert.True(members[^1].IsOfficer);
    }

    [Fact]
    public async Task UnknownHouseholdCannotJoin()
    {
        var grain = await RegisteredCooperative();

        var error = await GrainAssert.InvalidAsync(
            () => grain.AddMember(new(Samples.HouseholdId(), MemberKind.Household, "无此户", IsFarmer: true, new(2020, 1, 1))),
            "memberId");

        Assert.Contains("Household", error.Errors["memberId"][0], StringComparison.Ordinal);
        Assert.Empty((await grain.Get()).Members);
    }

    [Fact]
    public async Task MemberOfAnotherKindWithTheSameIdDoesNotCount()
    {
        var grain = await RegisteredCooperative();
        var household = Samples.HouseholdId();
        await _client.GetGrain<IHouseholdGrain>(household).Register(Samples.Household(), null);

        await GrainAssert.InvalidAsync(
            () => grain.AddMember(new(household, MemberKind.Enterprise, "冒名企业", IsFarmer: false, new(2020, 1, 1))), "memberId");

        Assert.Empty((await grain.Get()).Members);
    }

    [Fact]
    public async Task JoiningTwiceIsRefused()
    {
        var grain = await RegisteredCooperative();
        var household = Samples.HouseholdId();
        await _client.GetGrain<IHouseholdGrain>(household).Register(Samples.Household(), null);
        var member = new CooperativeMember(household, MemberKind.Household, "王德明", IsFarmer: true, new(2020, 1, 1));
        await grain.AddMember(member);

        await GrainAssert.RefusedAsync(() => grain.AddMember(member with { MemberId = $" {household} " }), "cooperative.member-exists");

        Assert.Single((await grain.Get()).Members);
    }

    [Fact]
    public async Task EnterpriseCannotBeCountedAsAFarmerMember()
    {
        var grain = await RegisteredCooperative();
        var enterprise = Samples.EnterpriseId();
        await _client.GetGrain<IEnterpriseGrain>(enterprise).Register(Samples.Enterprise());

        await GrainAssert.InvalidAsync(
            () => grain.AddMember(new(enterprise, MemberKind.Enterprise, "黔丰农业", IsFarmer: true, new(2020, 1, 1))), "isFarmer");

        Assert.Empty((await grain.Get()).Members);
    }

    [Fact]
    public async Task MemberCannotJoinAfterTodayInChina()
    {
        var grain = await RegisteredCooperative();

        await GrainAssert.InvalidAsync(
            () => grain.AddMember(new("ind-wang", MemberKind.Individual, "王光荣", IsFarmer: true, ClusterFixture.Today.AddDays(1))), "joinedOn");
        await grain.AddMember(new("ind-wang", MemberKind.Individual, "王光荣", IsFarmer: true, ClusterFixture.Today));

        Assert.Equal(ClusterFixture.Today, Assert.Single((await grain.Get()).Members).JoinedOn);
    }

    [Fact]
    public async Task RemovingAMemberLeavesTheOthers()
    {
        var grain = await RegisteredCooperative();
        await grain.AddMember(new("ind-a", MemberKind.Individual, "甲", IsFarmer: true, new(2020, 1, 1)));
        await grain.AddMember(new("ind-b", MemberKind.Individual, "乙", IsFarmer: true, new(2020, 1, 1)));

        var details = await grain.RemoveMember("ind-a");

        Assert.Equal("ind-b", Assert.Single(details.Members).MemberId);
        Assert.Equal("ind-b", Assert.Single((await grain.Get()).Members).MemberId);
    }

    [Fact]
    public async Task RemovingSomeoneWhoIsNotAMemberIsNotFound()
    {
        var grain = await RegisteredCooperative();
        await grain.AddMember(new("ind-a", MemberKind.Individual, "甲", IsFarmer: true, new(2020, 1, 1)));

        await GrainAssert.NotFoundAsync(() => grain.RemoveMember("ind-z"), "member", "ind-z");

        Assert.Single((await grain.Get()).Members);
    }
}
