using AgriLink.Domain.Buyers;
using AgriLink.Domain.Enterprises;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Enterprises;
using AgriLink.Grains.VillageCollectives;
using Xunit;

namespace AgriLink.Grains.Tests;

/// <summary>Enterprises, village collectives and buyers: the aggregates that are one profile each.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ProfileGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task RegisteredEnterpriseIsReturnedByGetWithNormalizedCodes()
    {
        var grain = _client.GetGrain<IEnterpriseGrain>(Samples.EnterpriseId());
        var sample = Samples.Enterprise();

        await grain.Register(sample with { CreditCode = " " + sample.CreditCode.ToLowerInvariant(), Phone = "0851 8411 8800", Business = "" });
        var details = await grain.Get();

        Assert.Equal(grain.GetPrimaryKeyString(), details.Id);
        Assert.Equal(sample with { Business = null }, details.Profile);
        Assert.Equal(TimeSpan.FromHours(8), details.RegisteredAt.Offset);
    }

    [Fact]
    public async Task EnterpriseUpdateReplacesTheProfile()
    {
        var grain = _client.GetGrain<IEnterpriseGrain>(Samples.EnterpriseId());
        var registered = await grain.Register(Samples.Enterprise());

        var updated = await grain.UpdateProfile(Samples.Enterprise() with { Level = EnterpriseLevel.Provincial });

        Assert.Equal(EnterpriseLevel.Provincial, (await grain.Get()).Profile.Level);
        Assert.Equal(registered.RegisteredAt, updated.RegisteredAt);
    }

    [Fact]
    public async Task EnterpriseWithUnknownLevelOrBadCodeIsNotRegistered()
    {
        var grain = _client.GetGrain<IEnterpriseGrain>(Samples.EnterpriseId());
        var bad = Samples.Enterprise() with
        {
            Level = (EnterpriseLevel)7,
            CreditCode = Samples.CreditCodeWithWrongCheck("91", "520115", "MA6H1QF83"),
        };

        await GrainAssert.InvalidAsync(() => grain.Register(bad), "level", "creditCode");

        Assert.False(await grain.Exists());
    }

    [Fact]
    public async Task UnregisteredProfilesAreNotFound()
    {
        var enterprise = _client.GetGrain<IEnterpriseGrain>(Samples.EnterpriseId());
        var collective = _client.GetGrain<IVillageCollectiveGrain>(Samples.CollectiveId());
        var buyer = _client.GetGrain<IBuyerGrain>(Samples.BuyerId());

        await GrainAssert.NotFoundAsync(enterprise.Get, "enterprise", enterprise.GetPrimaryKeyString());
        await GrainAssert.NotFoundAsync(() => enterprise.UpdateProfile(Samples.Enterprise()), "enterprise", enterprise.GetPrimaryKeyString());
        await GrainAssert.NotFoundAsync(collective.Get, "village-collective", collective.GetPrimaryKeyString());
        await GrainAssert.NotFoundAsync(() => collective.UpdateProfile(Samples.Collective()), "village-collective", collective.GetPrimaryKeyString());
        await GrainAssert.NotFoundAsync(buyer.Get, "buyer", buyer.GetPrimaryKeyString());
        await GrainAssert.NotFoundAsync(() => buyer.UpdateProfile(Samples.Buyer()), "buyer", buyer.GetPrimaryKeyString());
    }

    [Fact]
    public async Task RegisteringAProfileTwiceIsRefused()
    {
        var enterprise = _client.GetGrain<IEnterpriseGrain>(Samples.EnterpriseId());
        var collective = _client.GetGrain<IVillageCollectiveGrain>(Samples.CollectiveId());
        var buyer = _client.GetGrain<IBuyerGrain>(Samples.BuyerId());
        await enterprise.Register(Samples.Enterprise());
        await collective.Register(Samples.Collective());
        await buyer.Register(Samples.Buyer());

        await GrainAssert.RefusedAsync(() => enterprise.Register(Samples.Enterprise("别的公司")), "enterprise.exists");
        await GrainAssert.RefusedAsync(() => collective.Register(Samples.Collective("别的村")), "village-collective.exists");
        await GrainAssert.RefusedAsync(() => buyer.Register(Samples.Buyer("别的食堂")), "buyer.exists");

        Assert.Equal(Samples.Enterprise().Name, (await enterprise.Get()).Profile.Name);
        Assert.Equal(Samples.Collective().Name, (await collective.Get()).Profile.Name);
        Assert.Equal(Samples.Buyer().Name, (await buyer.Get()).Profile.Name);
    }

    [Fact]
    public async Task RegisteredVillageCollectiveIsReturnedByGetWithNormalizedProfile()
    {
        var grain = _client.GetGrain<IVillageCollectiveGrain>(Samples.CollectiveId());
        var sample = Samples.Collective();

        await grain.Register(sample with { Township = " 六屯镇 ", CreditCode = sample.CreditCode!.ToLowerInvariant(), Phone = "085182351234" });

        Assert.Equal(sample, (await grain.Get()).Profile);
    }

    [Fact]
    public async Task VillageCollectiveWithoutCreditCodeOrPhoneIsAccepted()
    {
        var grain = _client.GetGrain<IVillageCollectiveGrain>(Samples.CollectiveId());

        await grain.Register(Samples.Collective() with { CreditCode = " ", Phone = null });
        var profile = (await grain.Get()).Profile;

        Assert.Null(profile.CreditCode);
        Assert.Null(profile.Phone);
    }

    [Fact]
    public async Task InvalidVillageCollectiveUpdateChangesNothing()
    {
        var grain = _client.GetGrain<IVillageCollectiveGrain>(Samples.CollectiveId());
        var before = await grain.Register(Samples.Collective());

        await GrainAssert.InvalidAsync(() => grain.UpdateProfile(before.Profile with { CountyCode = "520100", Phone = "123" }), "countyCode", "phone");

        var after = await grain.Get();
        Assert.Equal(before.Profile, after.Profile);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }

    [Fact]
    public async Task RegisteredBuyerIsReturnedByGetWithNormalizedProfile()
    {
        var parent = Samples.BuyerId();
        await _client.GetGrain<IBuyerGrain>(parent).Register(Samples.Buyer());
        var grain = _client.GetGrain<IBuyerGrain>(Samples.BuyerId());
        var sample = Samples.Buyer(parentBuyerId: parent);

        await grain.Register(sample with { ContactName = " 陈晓燕 ", Phone = "02081234567", CreditCode = sample.CreditCode!.ToLowerInvariant(), ParentBuyerId = $" {parent} " });

        Assert.Equal(sample, (await grain.Get()).Profile);
    }

    [Fact]
    public async Task BuyerWhoseParentIsNotRegisteredIsRefused()
    {
        var grain = _client.GetGrain<IBuyerGrain>(Samples.BuyerId());

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => grain.Register(Samples.Buyer(parentBuyerId: "buyer-nobody")));

        Assert.Contains("parentBuyerId", error.Errors.Keys);
        Assert.False(await grain.Exists());
    }

    [Fact]
    public async Task IndividualBuyerNeedsNoCreditCodeButAnOrganisationDoes()
    {
        var person = _client.GetGrain<IBuyerGrain>(Samples.BuyerId());
        var organisation = _client.GetGrain<IBuyerGrain>(Samples.BuyerId());

        await person.Register(new("张伟", BuyerType.Individual, "520102", "张伟", "13765001234"));
        await GrainAssert.InvalidAsync(() => organisation.Register(Samples.Buyer() with { CreditCode = null }), "creditCode");

        Assert.Null((await person.Get()).Profile.CreditCode);
        Assert.False(await organisation.Exists());
    }

    [Fact]
    public async Task BuyerOutsideAKnownProvinceIsRefused()
    {
        var grain = _client.GetGrain<IBuyerGrain>(Samples.BuyerId());

        await GrainAssert.InvalidAsync(() => grain.Register(Samples.Buyer() with { RegionCode = "990101" }), "regionCode");

        Assert.False(await grain.Exists());
    }
}
