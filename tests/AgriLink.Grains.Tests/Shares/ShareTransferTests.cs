using AgriLink.Domain.Households;
using AgriLink.Domain.Shares;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Grains.Tests.Shares;

/// <summary>Transfers through the register grain, and the register at a past date rebuilt from its events.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ShareTransferTests(ClusterFixture fixture)
{
    private static readonly DateOnly Yesterday = ClusterFixture.Today.AddDays(-1);

    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task TransferMovesSharesValueAndLandAndThePastStillShowsTheOldPosition()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        var wang = await village.HouseholdAsync("王德明");
        var li = await village.HouseholdAsync("李桂芬");
        var original = ShareSamples.Land("h-wang-land", wang, milliMu: 6_000, "舍烹股字第2017001号");
        await village.Register.Issue(original, ShareSamples.Admin, "土地经营权入股");

        var view = await village.Register.Transfer(
            new ShareTransfer("h-wang-land", 4_000, li, ShareholderKind.Household, "h-li-land", "舍烹股字第2026001号"),
            ShareSamples.Admin, "王家将 2 亩转让给李家");

        var kept = original with { Shares = 8_000, ValuationFen = 800_000, Land = original.Land! with { AreaMilliMu = 4_000 } };
        var received = original with
        {
            HoldingId = "h-li-land", ShareholderId = li, Shares = 4_000, ValuationFen = 400_000, IssuedOn = ClusterFixture.Today,
            CertificateNo = "舍烹股字第2026001号", Land = original.Land! with { AreaMilliMu = 2_000 },
        };
        Assert.Equal([received, kept], view.Holdings);
        Assert.Equal(2, view.LastSequence);
        Assert.Equal([received], await village.Register.HoldingsOf(li));
        Assert.Equal([original], (await village.Register.View(Yesterday)).Holdings);

        // The register is stored as its events: a new activation replays them and rebuilds both dates.
        await fixture.Cluster.DeactivateAsync(village.Register);

        Assert.Equal([original], (await village.Register.View(Yesterday)).Holdings);
        Assert.Equal([received, kept], (await village.Register.View(ClusterFixture.Today)).Holdings);
        Assert.Equal([received, kept], (await village.Register.View(null)).Holdings);
        var transferred = Assert.IsType<SharesTransferred>((await village.Register.History(1, 10)).Single());
        Assert.Equal(("h-wang-land", 4_000L, received, ClusterFixture.Today), (transferred.FromHoldingId, transferred.Shares, transferred.Received, transferred.Date));
        Assert.Equal(ShareSamples.Admin, transferred.Actor);
    }

    [Fact]
    public async Task WholeHoldingTransferredLeavesNothingWithTheTransferor()
    {
        var village = await Village.FoundAsync(_client);
        var members = await village.IndividualsAsync(2);
        await village.Register.Issue(ShareSamples.Cash("h-1", members[0], ShareholderKind.OtherMember, 5_000, "C-1"), ShareSamples.Admin, "现金入股");

        await village.Register.Transfer(new ShareTransfer("h-1", 5_000, members[1], ShareholderKind.OtherMember, "h-2", "C-2"), ShareSamples.Admin, "全部转让");
        await fixture.Cluster.DeactivateAsync(village.Register);

        Assert.Empty(await village.Register.HoldingsOf(members[0]));
        var holding = Assert.Single(await village.Register.HoldingsOf(members[1]));
        Assert.Equal((5_000L, 500_000L), (holding.Shares, holding.ValuationFen));
        Assert.Equal(members[0], Assert.Single((await village.Register.View(Yesterday)).Holdings).ShareholderId);
    }

    [Fact]
    public async Task FiscalFundSharesCannotBeTransferred()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        var collective = await village.CollectiveAsync();
        var li = await village.HouseholdAsync("李桂芬");
        await village.Register.Issue(
            new Holding("h-vc-fund", collective, ShareholderKind.VillageCollective, ShareClass.FiscalFund, 100_000, 10_000_000,
                Village.Founded, "舍烹股字第2017002号", FundId: "fund-pz-2017"),
            ShareSamples.Admin, "资金变股金，量化给村集体");

        var error = await GrainAssert.RefusedAsync(() => village.Register.Transfer(
            new ShareTransfer("h-vc-fund", 1_000, li, ShareholderKind.Household, "h-li-fund", "舍烹股字第2026002号"),
            ShareSamples.Admin, "转让"), "shares.not-transferable");

        Assert.Contains("舍烹股字第2017002号", error.Message, StringComparison.Ordinal);
        await AssertUnchanged(village, "h-vc-fund", 100_000);
    }

    [Fact]
    public async Task PreferredSharesOfAPoorHouseholdCannotBeTransferred()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        var wang = await village.HouseholdAsync("王德明", PovertyStatus.RegisteredPoor);
        var li = await village.HouseholdAsync("李桂芬");
        await village.Register.Issue(ShareSamples.Fund("h-wang-fund", wang, "舍烹股字第2017002号", preferred: true), ShareSamples.Admin, "资金变股金");

        await GrainAssert.RefusedAsync(() => village.Register.Transfer(
            new ShareTransfer("h-wang-fund", 20_000, li, ShareholderKind.Household, "h-li-fund", "舍烹股字第2026002号"),
            ShareSamples.Admin, "转让"), "shares.not-transferable");

        await AssertUnchanged(village, "h-wang-fund", 20_000);
    }

    [Fact]
    public async Task AnOfficerCannotTransferSharesDuringTheTerm()
    {
        var village = await Village.FoundAsync(_client);
        var chair = await village.IndividualAsync("陶正华", officer: true);
        var member = await village.IndividualAsync("陶小红");
        await village.Register.Issue(ShareSamples.Cash("h-chair", chair, ShareholderKind.OtherMember, 10_000, "C-1"), ShareSamples.Admin, "现金入股");

        await GrainAssert.RefusedAsync(() => village.Register.Transfer(
            new ShareTransfer("h-chair", 1_000, member, ShareholderKind.OtherMember, "h-new", "C-2"), ShareSamples.Admin, "转让"),
            "shares.officer-transfer");

        await AssertUnchanged(village, "h-chair", 10_000);
    }

    [Fact]
    public async Task OfficerMayReceiveSharesFromAnOrdinaryMember()
    {
        var village = await Village.FoundAsync(_client);
        var chair = await village.IndividualAsync("陶正华", officer: true);
        var member = await village.IndividualAsync("陶小红");
        await village.Register.Issue(ShareSamples.Cash("h-member", member, ShareholderKind.OtherMember, 10_000, "C-1"), ShareSamples.Admin, "现金入股");

        await village.Register.Transfer(new ShareTransfer("h-member", 1_000, chair, ShareholderKind.OtherMember, "h-chair", "C-2"), ShareSamples.Admin, "转让");

        Assert.Equal(1_000, Assert.Single(await village.Register.HoldingsOf(chair)).Shares);
    }

    [Fact]
    public async Task SharesCanOnlyBeTransferredToAMember()
    {
        var village = await Village.FoundAsync(_client);
        var member = await village.IndividualAsync("陶小红");
        await village.Register.Issue(ShareSamples.Cash("h-member", member, ShareholderKind.OtherMember, 10_000, "C-1"), ShareSamples.Admin, "现金入股");

        await GrainAssert.InvalidAsync(() => village.Register.Transfer(
            new ShareTransfer("h-member", 1_000, "ind-outsider", ShareholderKind.OtherMember, "h-outsider", "C-2"), ShareSamples.Admin, "转让"),
            "toShareholderId");

        await AssertUnchanged(village, "h-member", 10_000);
    }

    [Fact]
    public async Task TransferOfAnUnknownHoldingIsNotFound()
    {
        var village = await Village.FoundAsync(_client);
        var members = await village.IndividualsAsync(2);

        await GrainAssert.NotFoundAsync(() => village.Register.Transfer(
            new ShareTransfer("h-missing", 1, members[1], ShareholderKind.OtherMember, "h-new", "C-2"), ShareSamples.Admin, "转让"),
            "holding", "h-missing");
    }

    private static async Task AssertUnchanged(Village village, string holdingId, long shares)
    {
        var view = await village.Register.View(null);
        Assert.Equal(1, view.LastSequence);
        var holding = Assert.Single(view.Holdings);
        Assert.Equal((holdingId, shares), (holding.HoldingId, holding.Shares));
    }

    [Fact]
    public async Task TheRegistersStateKeepsWhatItDecidesWithAndEachEntryIsARow()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        var wang = await village.HouseholdAsync("王德明");
        var li = await village.HouseholdAsync("李桂芬");
        await village.Register.Issue(ShareSamples.Land("h-wang-land", wang, milliMu: 6_000, "舍烹股字第2017009号"), ShareSamples.Admin, "土地经营权入股");
        await village.Register.Transfer(new ShareTransfer("h-wang-land", 4_000, li, ShareholderKind.Household, "h-li-land-9", "舍烹股字第2026009号"),
            ShareSamples.Admin, "转让");
        await village.Register.NoticeWithdrawal(li, ShareSamples.Admin, "退社");

        await using var connection = await fixture.Database.OpenAsync(TestContext.Current.CancellationToken);
        var payload = await Dapper.SqlMapper.QuerySingleAsync<byte[]>(connection,
            "SELECT payload FROM grain_state WHERE state_name = 'share-register' AND grain_id LIKE @id", new { id = "%/" + village.CooperativeId });
        var state = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<Orleans.Storage.IGrainStorageSerializer>(AgriLink.Storage.StorageNames.Main)
            .Deserialize<Grains.Shares.ShareRegisterState>(new BinaryData(payload))!;
        Assert.Empty(state.Events);
        Assert.Equal((3L, ClusterFixture.Today), (state.Snapshot!.LastSequence, state.Snapshot.LastDate));
        Assert.Equal(["h-li-land-9", "h-wang-land"], state.Snapshot.Holdings.Select(h => h.HoldingId).Order(StringComparer.Ordinal));
        Assert.Equal(["h-li-land-9", "h-wang-land"], state.Snapshot.UsedHoldingIds);
        Assert.Equal(li, Assert.Single(state.Snapshot.Pending).ShareholderId);

        var rows = (await Dapper.SqlMapper.QueryAsync<(long, string)>(connection,
            "SELECT sequence, type FROM share_events WHERE cooperative_id = @id ORDER BY sequence", new { id = village.CooperativeId })).ToList();
        Assert.Equal([(1L, nameof(SharesIssued)), (2L, nameof(SharesTransferred)), (3L, nameof(WithdrawalNoticed))], rows);
        // Read back as the entries the register made, in pages by number.
        Assert.Equal([2L, 3L], (await village.Register.History(1, 10)).Select(e => e.Sequence));
        Assert.Equal(li, Assert.IsType<WithdrawalNoticed>(Assert.Single(await village.Register.History(2, 1))).ShareholderId);
    }
}
