using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Shares;
using Xunit;

namespace AgriLink.Grains.Tests.Shares;

/// <summary>The charter, issuing shares and the membership composition, through the register grain.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ShareRegisterGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task CharterReturningLessThanSixtyPercentByTradeIsRefusedAndNothingIsStored()
    {
        var village = await Village.FoundAsync(_client);

        await GrainAssert.InvalidAsync(() => village.Register.SetCharter(ShareSamples.Charter() with { TradeReturnRateBp = 5999 }), "tradeReturnRateBp");

        Assert.Null(await village.Register.GetCharter());
        Assert.Null(await fixture.StoredVersionAsync("share-register", village.Register));
    }

    [Fact]
    public async Task CharterAtExactlySixtyPercentIsStoredAndComesBackAfterDeactivation()
    {
        var village = await Village.FoundAsync(_client);

        await village.Register.SetCharter(ShareSamples.Charter() with { TradeReturnRateBp = 6000, NoticeDays = 10 });
        await fixture.Cluster.DeactivateAsync(village.Register);
        var charter = await village.Register.GetCharter();

        Assert.NotNull(charter);
        Assert.Equal(6000, charter.TradeReturnRateBp);
        Assert.Equal(10, charter.NoticeDays);
        Assert.Equal(ShareSamples.Charter().Floors, charter.Floors.ToArray(), FloorsEqual);
        Assert.Equal(1, await fixture.StoredVersionAsync("share-register", village.Register));
    }

    [Fact]
    public async Task CharterOfAnUnregisteredCooperativeIsRefused()
    {
        var id = Samples.CooperativeId();
        var register = _client.GetGrain<IShareRegisterGrain>(id);

        await GrainAssert.NotFoundAsync(() => register.SetCharter(ShareSamples.Charter()), "cooperative", id);

        Assert.Null(await register.GetCharter());
    }

    [Fact]
    public async Task SharesCannotBeIssuedInACooperativeThatIsNotRegistered()
    {
        var id = Samples.CooperativeId();
        var register = _client.GetGrain<IShareRegisterGrain>(id);

        await GrainAssert.NotFoundAsync(
            () => register.Issue(ShareSamples.Cash("h-1", "ind-nobody", ShareholderKind.OtherMember, 100, "C-1"), ShareSamples.Admin, "入股"),
            "cooperative", id);

        Assert.Empty((await register.View(null)).Holdings);
        Assert.Null(await fixture.StoredVersionAsync("share-register", register));
    }

    [Fact]
    public async Task SharesAreIssuedOnlyToMembersAndABatchWithAnOutsiderIssuesNothing()
    {
        var village = await Village.FoundAsync(_client);
        var member = await village.IndividualAsync("陶正华");

        await GrainAssert.InvalidAsync(() => village.Register.IssueMany(
            [
                ShareSamples.Cash("h-1", member, ShareholderKind.OtherMember, 1_000, "C-1"),
                ShareSamples.Cash("h-2", "ind-outsider", ShareholderKind.OtherMember, 1_000, "C-2"),
            ], ShareSamples.Admin, "创始股东登记"), "shareholderId");

        var view = await village.Register.View(null);
        Assert.Empty(view.Holdings);
        Assert.Equal(0, view.LastSequence);
        Assert.Null(await fixture.StoredVersionAsync("share-register", village.Register));
    }

    [Fact]
    public async Task IssueManyRegistersAWholeFoundingRegisterInOneWrite()
    {
        var village = await Village.FoundAsync(_client);
        var members = await village.IndividualsAsync(40);
        Holding[] holdings = [.. members.Select((id, i) => ShareSamples.Cash($"h-{i + 1:D3}", id, ShareholderKind.OtherMember, 1_000 + i, $"舍烹股字第2017{i + 1:D3}号"))];

        var view = await village.Register.IssueMany(holdings, ShareSamples.Admin, "创始股东登记");

        Assert.Equal(holdings, view.Holdings);
        Assert.Equal(40, view.LastSequence);
        Assert.Equal(1, await fixture.StoredVersionAsync("share-register", village.Register));
        var history = await village.Register.History(0, 100);
        Assert.Equal(Enumerable.Range(1, 40).Select(n => (long)n), history.Select(e => e.Sequence));
        Assert.Equal(holdings, history.Cast<SharesIssued>().Select(e => e.Holding));
        Assert.Equal([36L, 37, 38, 39, 40], (await village.Register.History(35, 10)).Select(e => e.Sequence));
        Assert.Equal(holdings[7..8], await village.Register.HoldingsOf(members[7]));
    }

    [Fact]
    public async Task IssueManyWithARepeatedCertificateIssuesNothing()
    {
        var village = await Village.FoundAsync(_client);
        var members = await village.IndividualsAsync(2);

        await GrainAssert.RefusedAsync(() => village.Register.IssueMany(
            [
                ShareSamples.Cash("h-1", members[0], ShareholderKind.OtherMember, 1_000, "舍烹股字第2017001号"),
                ShareSamples.Cash("h-2", members[1], ShareholderKind.OtherMember, 1_000, "舍烹股字第2017001号"),
            ], ShareSamples.Admin, "创始股东登记"), "shares.duplicate-certificate");

        Assert.Empty((await village.Register.View(null)).Holdings);
        Assert.Null(await fixture.StoredVersionAsync("share-register", village.Register));
    }

    [Fact]
    public async Task FiscalYearEndCannotChangeOnceSharesAreRegistered()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter(fiscalYearEndMonth: 6));
        var member = await village.IndividualAsync("陶正华");
        await village.Register.AmendCharter(ShareSamples.Charter(fiscalYearEndMonth: 12), (await Amendment(village)).Reference);
        await village.Register.Issue(ShareSamples.Cash("h-1", member, ShareholderKind.OtherMember, 1_000, "C-1"), ShareSamples.Admin, "入股");

        var backToJune = (await Amendment(village)).Reference;
        await GrainAssert.RefusedAsync(() => village.Register.AmendCharter(ShareSamples.Charter(fiscalYearEndMonth: 6), backToJune), "charter.fiscal-year-fixed");
        var ratesChanged = await village.Register.AmendCharter(ShareSamples.Charter() with { ReserveRateBp = 2000 }, (await Amendment(village)).Reference);

        var charter = await village.Register.GetCharter();
        Assert.NotNull(charter);
        Assert.Equal(12, charter.FiscalYearEndMonth);
        Assert.Equal(2000, charter.ReserveRateBp);
        Assert.Equal(ratesChanged.ReserveRateBp, charter.ReserveRateBp);
    }

    [Fact]
    public async Task ARecordedCharterChangesOnlyWithItsPassedTwoThirdsResolutionAndEachResolutionOnce()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        await village.IndividualsAsync(30);
        var amended = ShareSamples.Charter() with { ReserveRateBp = 2000 };

        await GrainAssert.RefusedAsync(() => village.Register.SetCharter(amended), "charter.no-resolution");
        // 19 of 30 votes: more than half, short of the two thirds a charter change needs.
        var (short19, _) = await Dividends.AssemblySteps.VoteCharterAmendmentAsync(_client, village.CooperativeId, 19 / 30.0);
        await GrainAssert.RefusedAsync(() => village.Register.AmendCharter(amended, short19), "charter.resolution-invalid");
        await GrainAssert.RefusedAsync(() => village.Register.AmendCharter(amended, "asm-none/r1"), "charter.resolution-invalid");
        Assert.Equal(ShareSamples.Charter().ReserveRateBp, (await village.Register.GetCharter())!.ReserveRateBp);

        var (passed, assembly) = await Dividends.AssemblySteps.VoteCharterAmendmentAsync(_client, village.CooperativeId, 20 / 30.0);
        Assert.True(assembly.Resolutions[0].Passed);
        await village.Register.AmendCharter(amended, passed);
        Assert.Equal(2000, (await village.Register.GetCharter())!.ReserveRateBp);

        // The same resolution cannot be used again (to bring back an older text after a later amendment).
        await GrainAssert.RefusedAsync(() => village.Register.AmendCharter(ShareSamples.Charter(), passed), "charter.resolution-invalid");
        await fixture.Cluster.DeactivateAsync(village.Register);
        await GrainAssert.RefusedAsync(() => village.Register.AmendCharter(ShareSamples.Charter(), passed), "charter.resolution-invalid");
        Assert.Equal(2000, (await village.Register.GetCharter())!.ReserveRateBp);
    }

    private Task<(string Reference, Domain.Assemblies.Assembly Assembly)> Amendment(Village village) =>
        Dividends.AssemblySteps.VoteCharterAmendmentAsync(_client, village.CooperativeId);

    [Fact]
    public async Task CompositionReportsTooManyOrganisationsAboveTwentyMembers()
    {
        var village = await Village.FoundAsync(_client);
        await village.IndividualsAsync(18);
        await village.IndividualAsync("返乡创业青年", farmer: false);
        await village.CollectiveAsync();
        var enterprise = await village.EnterpriseAsync();

        var report = await village.Register.Composition();

        Assert.Equal(21, report.Total);
        Assert.Equal(18, report.FarmerCount);
        Assert.Equal(8571, report.FarmerShareBp); // 18/21 = 85.71…%, rounded down
        Assert.Equal(2, report.CorporateCount);
        Assert.True(report.FarmerRuleHolds);
        Assert.False(report.CorporateRuleHolds);
        Assert.False(report.Compliant);
        Assert.Contains(report.Messages, m => m.Contains("2 of 21", StringComparison.Ordinal));

        await village.Cooperative.RemoveMember(enterprise);
        var after = await village.Register.Composition();

        Assert.Equal((20, 18, 9000, 1), (after.Total, after.FarmerCount, after.FarmerShareBp, after.CorporateCount));
        Assert.True(after.Compliant);
    }

    [Fact]
    public async Task CompositionReportsTooFewFarmers()
    {
        var village = await Village.FoundAsync(_client);
        await village.IndividualsAsync(3);
        await village.IndividualAsync("收购商", farmer: false);
        await village.EnterpriseAsync();

        var report = await village.Register.Composition();

        Assert.Equal((5, 3, 6000, 1), (report.Total, report.FarmerCount, report.FarmerShareBp, report.CorporateCount));
        Assert.False(report.FarmerRuleHolds);
        Assert.True(report.CorporateRuleHolds);
        Assert.Contains(report.Messages, m => m.Contains("at least 80% (4)", StringComparison.Ordinal));
    }

    private static bool FloorsEqual(FloorRule expected, FloorRule actual) =>
        expected.ShareClass == actual.ShareClass && expected.Kind == actual.Kind && expected.Value == actual.Value
        && (expected.StepRatesBp ?? []).SequenceEqual(actual.StepRatesBp ?? []);
}
