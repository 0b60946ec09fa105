using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Listings;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Households;
using AgriLink.Grains.Listings;
using Xunit;

namespace AgriLink.Grains.Tests;

/// <summary>扶贫产品认定 granted and revoked by the platform; producers, delivery areas and claimed certifications on the draft.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ListingCertificationTests(ClusterFixture fixture)
{
    private static readonly PovertyCertification Approval = new("黔扶认〔2026〕0316号", new(2026, 3, 16));

    private readonly IClusterClient _client = fixture.Client;

    private DateTimeOffset InAnHour => fixture.Clock.GetUtcNow().AddHours(1);

    private static string OrderId() => Domain.Identifiers.Ids.New("ord");

    private async Task<IListingGrain> Active(string? cooperativeId = null, ListingDraft? draft = null)
    {
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await grain.Create(cooperativeId ?? await _client.AdmittedCooperative(), draft ?? Samples.Listing(stock: 1000) with { MinOrder = 1 });
        await grain.Publish();
        return grain;
    }

    [Fact]
    public async Task ReservationsCarryTheCertificationInForceWhenTheyWereMade()
    {
        var grain = await Active();

        var before = await grain.Reserve(OrderId(), 1, InAnHour);
        var granted = await grain.GrantPovertyCertification(Approval with { CertificateNumber = " 黔扶认〔2026〕0316号 " }, "operator");
        var during = await grain.Reserve(OrderId(), 1, InAnHour);
        var revoked = await grain.RevokePovertyCertification("抽检发现非本地农户产品", "operator");
        var after = await grain.Reserve(OrderId(), 1, InAnHour);

        Assert.False(before.PovertyCertified);
        Assert.True(during.PovertyCertified);
        Assert.False(after.PovertyCertified);
        Assert.Equal(Approval, granted.PovertyCertification);
        Assert.Null(revoked.PovertyCertification);
        Assert.Collection(revoked.CertificationHistory!,
            g => Assert.Equal((true, "黔扶认〔2026〕0316号", "operator", (string?)null), (g.Granted, g.CertificateNumber, g.By, g.Reason)),
            r => Assert.Equal((false, "黔扶认〔2026〕0316号", "operator", (string?)"抽检发现非本地农户产品"), (r.Granted, r.CertificateNumber, r.By, r.Reason)));
    }

    [Fact]
    public async Task CertificationSurvivesReactivation()
    {
        var grain = await Active();
        await grain.GrantPovertyCertification(Approval, "operator");

        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(Approval, (await grain.Get()).PovertyCertification);
        Assert.True((await grain.Reserve(OrderId(), 1, InAnHour)).PovertyCertified);
    }

    [Fact]
    public async Task CertificationIsGrantedOnceAndRevokedOnlyWhenHeld()
    {
        var grain = await Active();

        await GrainAssert.RefusedAsync(() => grain.RevokePovertyCertification("无", "operator"), "certification.not-granted");
        await grain.GrantPovertyCertification(Approval, "operator");
        await GrainAssert.RefusedAsync(() => grain.GrantPovertyCertification(Approval with { CertificateNumber = "另一个" }, "operator"),
            "certification.already-granted");

        var details = await grain.Get();
        Assert.Equal(Approval, details.PovertyCertification);
        Assert.Single(details.CertificationHistory!);
    }

    [Fact]
    public async Task BadGrantsAndRevocationsAreInvalid()
    {
        var grain = await Active();

        await GrainAssert.InvalidAsync(() => grain.GrantPovertyCertification(new(" ", new(2027, 1, 1)), "operator"),
            "certificateNumber", "approvedOn");
        await grain.GrantPovertyCertification(Approval, "operator");
        await GrainAssert.InvalidAsync(() => grain.RevokePovertyCertification("  ", "operator"), "reason");

        Assert.Equal(Approval, (await grain.Get()).PovertyCertification);
    }

    [Fact]
    public async Task ProducersMustBeMemberHouseholdsAndGoIntoTheLine()
    {
        var cooperativeId = await _client.AdmittedCooperative();
        var member = Samples.HouseholdId();
        var stranger = Samples.HouseholdId();
        await _client.GetGrain<IHouseholdGrain>(member).Register(Samples.Household(), null);
        await _client.GetGrain<IHouseholdGrain>(stranger).Register(Samples.Household("李小芳"), null);
        await _client.GetGrain<ICooperativeGrain>(cooperativeId)
            .AddMember(new(member, MemberKind.Household, "王德明", IsFarmer: true, new(2020, 1, 1)));
        var listing = _client.GetGrain<IListingGrain>(Samples.ListingId());

        await GrainAssert.InvalidAsync(
            () => listing.Create(cooperativeId, Samples.Listing() with { ProducerIds = [member, stranger] }), "producerIds");
        Assert.False(await listing.Exists());

        var created = await listing.Create(cooperativeId, Samples.Listing() with { ProducerIds = [$" {member} ", member] });
        await listing.Publish();
        var line = await listing.Reserve(OrderId(), 50, InAnHour);

        Assert.Equal([member], created.Draft.ProducerIds);
        Assert.Equal([member], line.ProducerIds);
        await GrainAssert.InvalidAsync(() => listing.Update(created.Draft with { ProducerIds = [stranger] }), "producerIds");
        Assert.Equal([member], (await listing.Get()).Draft.ProducerIds);
    }

    [Fact]
    public async Task DeliveryAreasAndClaimedCertificationsAreKeptNormalized()
    {
        var draft = Samples.Listing() with
        {
            DeliveryAreas = ["520000", " 440103 ", "440103"],
            Certifications = [new(CertificationKind.Organic, " 0011-2026-0001 "), new(CertificationKind.GreenFood, "LB-18-2601")],
        };
        var grain = await Active(draft: draft);

        await fixture.Cluster.DeactivateAsync(grain);
        var stored = (await grain.Get()).Draft;

        Assert.Equal(["440103", "520000"], stored.DeliveryAreas);
        Assert.Equal([new(CertificationKind.GreenFood, "LB-18-2601"), new ClaimedCertification(CertificationKind.Organic, "0011-2026-0001")],
            stored.Certifications);
        Assert.True(stored.DeliversTo("520281"));
        Assert.True(stored.DeliversTo("440103"));
        Assert.False(stored.DeliversTo("440104"));
    }

    [Fact]
    public async Task UnknownDeliveryAreaOrClaimedPovertyCertificationIsInvalid()
    {
        var cooperativeId = await _client.AdmittedCooperative();
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());

        await GrainAssert.InvalidAsync(() => grain.Create(cooperativeId, Samples.Listing() with
        {
            DeliveryAreas = ["529999"],
            Certifications = [new(CertificationKind.PovertyAlleviation, "自称")],
        }), "deliveryAreas", "certifications");

        Assert.False(await grain.Exists());
    }
}
