using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Listings;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Listings;
using Xunit;

namespace AgriLink.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CooperativeAdmissionGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    private DateTimeOffset InAnHour => fixture.Clock.GetUtcNow().AddHours(1);

    private async Task<string> Registered()
    {
        var id = Samples.CooperativeId();
        await _client.GetGrain<ICooperativeGrain>(id).Register(Samples.Cooperative());
        return id;
    }

    [Fact]
    public async Task AdmissionRunsFromApplicationThroughCountyToPlatformAndIsRecorded()
    {
        var id = await Registered();
        var admission = _client.GetGrain<ICooperativeAdmissionGrain>(id);
        Assert.Equal(AdmissionStatus.NotApplied, (await admission.Get()).Status);

        await admission.Apply("coop.panzhou", "申请入驻832平台");
        Assert.False(await admission.MaySell());
        await admission.Recommend("county.panzhou");
        var approved = await admission.Approve("operator", "资质齐全");

        Assert.Equal(AdmissionStatus.Approved, approved.Status);
        Assert.True(approved.MaySell);
        Assert.True(await admission.MaySell());
        Assert.Equal("520281", approved.CountyCode);
        Assert.Equal(
            [(AdmissionAction.Apply, AdmissionStatus.NotApplied, AdmissionStatus.Applied, "coop.panzhou", "申请入驻832平台"),
             (AdmissionAction.Recommend, AdmissionStatus.Applied, AdmissionStatus.CountyRecommended, "county.panzhou", null),
             (AdmissionAction.Approve, AdmissionStatus.CountyRecommended, AdmissionStatus.Approved, "operator", "资质齐全")],
            approved.History.Select(h => (h.Action, h.From, h.To, h.By, h.Note)));
    }

    [Fact]
    public async Task PlatformCannotApproveWithoutTheCountysRecommendation()
    {
        var admission = _client.GetGrain<ICooperativeAdmissionGrain>(await Registered());
        await admission.Apply("coop.panzhou");

        await GrainAssert.RefusedAsync(() => admission.Approve("operator"), "admission.illegal-transition");
        await GrainAssert.RefusedAsync(() => admission.Suspend("operator", AdmissionSuspensionReason.Other, "无"), "admission.illegal-transition");

        var details = await admission.Get();
        Assert.Equal(AdmissionStatus.Applied, details.Status);
        Assert.Single(details.History);
    }

    [Fact]
    public async Task RejectedCooperativeMayApplyAgain()
    {
        var admission = _client.GetGrain<ICooperativeAdmissionGrain>(await Registered());
        await admission.Apply("coop.panzhou");
        await GrainAssert.InvalidAsync(() => admission.Reject("operator", " "), "reason");

        await admission.Reject("operator", "缺少食品经营许可证");
        await GrainAssert.RefusedAsync(() => admission.Recommend("county.panzhou"), "admission.illegal-transition");
        var again = await admission.Apply("coop.panzhou", "已补充许可证");

        Assert.Equal(AdmissionStatus.Applied, again.Status);
        Assert.Equal("缺少食品经营许可证", again.History[1].Note);
    }

    [Fact]
    public async Task SuspendedCooperativeNeitherSellsNorPublishesUntilReinstated()
    {
        var cooperativeId = await _client.AdmittedCooperative();
        var listing = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await listing.Create(cooperativeId, Samples.Listing(stock: 100) with { MinOrder = 1 });
        await listing.Publish();
        var other = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await other.Create(cooperativeId, Samples.Listing(stock: 100));
        var admission = _client.GetGrain<ICooperativeAdmissionGrain>(cooperativeId);
        var heldOrder = Domain.Identifiers.Ids.New("ord");
        var held = await listing.Reserve(heldOrder, 5, InAnHour);

        await GrainAssert.InvalidAsync(() => admission.Suspend("operator", (AdmissionSuspensionReason)9, "价格投诉"), "suspensionReason");
        var suspended = await admission.Suspend("operator", AdmissionSuspensionReason.PriceComplaint, "售价高于市场价三倍，多名采购单位投诉");

        Assert.Equal(AdmissionSuspensionReason.PriceComplaint, suspended.History[^1].SuspensionReason);
        await GrainAssert.RefusedAsync(() => listing.Reserve(Domain.Identifiers.Ids.New("ord"), 5, InAnHour), "cooperative.not-admitted");
        await GrainAssert.RefusedAsync(other.Publish, "cooperative.not-admitted");
        Assert.Equal(held, await listing.Reserve(heldOrder, 5, InAnHour)); // a repeat of a hold taken before is answered as before
        Assert.Equal(95, (await listing.Get()).Draft.Stock);

        await admission.Reinstate("operator", "已整改");
        await listing.Reserve(Domain.Identifiers.Ids.New("ord"), 5, InAnHour);
        Assert.Equal(ListingStatus.Active, (await other.Publish()).Status);
    }

    [Fact]
    public async Task CooperativeNeverAdmittedCannotPublish()
    {
        var listing = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await listing.Create(await Registered(), Samples.Listing());

        await GrainAssert.RefusedAsync(listing.Publish, "cooperative.not-admitted");

        Assert.Equal(ListingStatus.Draft, (await listing.Get()).Status);
        var entry = Assert.Single(await fixture.Lists.ListingsOf((await listing.Get()).CooperativeId), e => e.Id == listing.GetPrimaryKeyString());
        Assert.Equal("Draft", entry.Status);
    }

    [Fact]
    public async Task UnknownCooperativeHasNoAdmission()
    {
        var id = Samples.CooperativeId();
        var admission = _client.GetGrain<ICooperativeAdmissionGrain>(id);

        await GrainAssert.NotFoundAsync(admission.Get, "cooperative", id);
        await GrainAssert.NotFoundAsync(() => admission.Apply("someone"), "cooperative", id);
        Assert.False(await admission.MaySell());
    }

    [Fact]
    public async Task AdmissionSurvivesReactivation()
    {
        var id = await _client.AdmittedCooperative();
        var admission = _client.GetGrain<ICooperativeAdmissionGrain>(id);

        await fixture.Cluster.DeactivateAsync(admission);

        var details = await admission.Get();
        Assert.Equal(AdmissionStatus.Approved, details.Status);
        Assert.Equal(3, details.History.Count);
    }
}
