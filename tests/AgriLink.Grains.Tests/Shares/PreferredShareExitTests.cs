using AgriLink.Domain.Households;
using AgriLink.Domain.Shares;
using Xunit;

namespace AgriLink.Grains.Tests.Shares;

/// <summary>
/// 谁贫困谁享受: when a household's poverty status (kept by its household grain) becomes Exited, the register
/// converts or reassigns its preferred shares as the charter says, and writes the lines for the public notice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PreferredShareExitTests(ClusterFixture fixture)
{
    private static readonly DateOnly Yesterday = ClusterFixture.Today.AddDays(-1);

    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task ExitedHouseholdKeepsItsPreferredShareAsAnOrdinaryShareWhenTheCharterSaysConvert()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter(PreferredExitPolicy.ConvertToOrdinary));
        var wang = await village.HouseholdAsync("王德明", PovertyStatus.RegisteredPoor);
        var li = await village.HouseholdAsync("李桂芬", PovertyStatus.RegisteredPoor);
        await village.Register.IssueMany(
            [
                ShareSamples.Land("h-li-land", li, 3_000, "舍烹股字第2017001号"),
                ShareSamples.Fund("h-li-fund", li, "舍烹股字第2017002号", preferred: true),
                ShareSamples.Land("h-wang-land", wang, 4_500, "舍烹股字第2017003号"),
                ShareSamples.Fund("h-wang-fund", wang, "舍烹股字第2017004号", preferred: true),
            ], ShareSamples.Admin, "创始股东登记");
        await village.Household(wang).ChangePovertyStatus(Samples.Change(PovertyStatus.Exited, new(2020, 11, 30), "2020 年脱贫验收"));

        var report = await village.Register.HouseholdExited(wang, ShareSamples.Admin);

        var converted = Assert.IsType<PreferredConverted>(Assert.Single(report.Events));
        Assert.Equal(("h-wang-fund", ClusterFixture.Today, ShareSamples.Admin, 5L),
            (converted.HoldingId, converted.Date, converted.Actor, converted.Sequence));
        var line = Assert.Single(report.AuditLines);
        Assert.Equal(line, converted.Reason);
        Assert.StartsWith("2026-06-16：", line, StringComparison.Ordinal);
        Assert.Contains($"{wang} 户已脱贫", line, StringComparison.Ordinal);
        Assert.Contains("舍烹股字第2017004号，20000 股", line, StringComparison.Ordinal);
        Assert.Contains("转为普通股，仍归该户", line, StringComparison.Ordinal);

        await fixture.Cluster.DeactivateAsync(village.Register);
        var fund = Assert.Single(await village.Register.HoldingsOf(wang), h => h.HoldingId == "h-wang-fund");
        Assert.Equal(ShareSamples.Fund("h-wang-fund", wang, "舍烹股字第2017004号", preferred: false), fund);
        Assert.True(Assert.Single(await village.Register.HoldingsOf(li), h => h.HoldingId == "h-li-fund").Preferred);
        Assert.True(Assert.Single((await village.Register.View(Yesterday)).Holdings, h => h.HoldingId == "h-wang-fund").Preferred);
        Assert.Equal(line, Assert.IsType<PreferredConverted>(Assert.Single(await village.Register.History(4, 10))).Reason);

        // Reported again (a retried notification): nothing left to change, and the notice says so.
        var again = await village.Register.HouseholdExited(wang, ShareSamples.Admin);

        Assert.Empty(again.Events);
        Assert.Contains("没有优先股需要处理", Assert.Single(again.AuditLines), StringComparison.Ordinal);
        Assert.Equal(5, (await village.Register.View(null)).LastSequence);
    }

    [Fact]
    public async Task ExitedHouseholdsPreferredShareIsSplitAmongTheHouseholdsStillRegisteredPoor()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter(PreferredExitPolicy.ReassignToPoorHouseholds));
        var wang = await village.HouseholdAsync("王德明", PovertyStatus.RegisteredPoor);
        var li = await village.HouseholdAsync("李桂芬", PovertyStatus.RegisteredPoor);
        var zhang = await village.HouseholdAsync("张国强", PovertyStatus.RegisteredPoor);
        var zhao = await village.HouseholdAsync("赵春梅");
        var preferred = ShareSamples.Fund("h-wang-fund", wang, "舍烹股字第2017001号", preferred: true, shares: 20_001);
        await village.Register.IssueMany(
            [
                preferred,
                ShareSamples.Land("h-li-land", li, 3_000, "舍烹股字第2017002号"),
                ShareSamples.Land("h-zhang-land", zhang, 2_500, "舍烹股字第2017003号"),
                ShareSamples.Land("h-zhao-land", zhao, 5_000, "舍烹股字第2017004号"),
            ], ShareSamples.Admin, "创始股东登记");
        await village.Household(wang).ChangePovertyStatus(Samples.Change(PovertyStatus.Exited, new(2020, 11, 30), "2020 年脱贫验收"));

        var report = await village.Register.HouseholdExited(wang, ShareSamples.Admin);

        // Two poor households, in id order; the odd share goes to the first, and the value follows the shares.
        string[] poor = [.. new[] { li, zhang }.Order(StringComparer.Ordinal)];
        var reassigned = Assert.IsType<PreferredReassigned>(Assert.Single(report.Events));
        Assert.Equal(("h-wang-fund", 5L, ClusterFixture.Today), (reassigned.FromHoldingId, reassigned.Sequence, reassigned.Date));
        Holding[] expected =
        [
            preferred with { HoldingId = "h-wang-fund-r5-1", ShareholderId = poor[0], Shares = 10_001, ValuationFen = 1_000_100, IssuedOn = ClusterFixture.Today, CertificateNo = "舍烹股字第2017001号-5-1" },
            preferred with { HoldingId = "h-wang-fund-r5-2", ShareholderId = poor[1], Shares = 10_000, ValuationFen = 1_000_000, IssuedOn = ClusterFixture.Today, CertificateNo = "舍烹股字第2017001号-5-2" },
        ];
        Assert.Equal(expected, reassigned.NewHoldings);
        var line = Assert.Single(report.AuditLines);
        Assert.Contains("按章程重新分配给 2 户建档立卡户", line, StringComparison.Ordinal);
        Assert.Contains($"{poor[0]} 10001 股、{poor[1]} 10000 股", line, StringComparison.Ordinal);
        Assert.DoesNotContain(zhao, line, StringComparison.Ordinal);

        await fixture.Cluster.DeactivateAsync(village.Register);
        var today = (await village.Register.View(null)).Holdings;
        Assert.DoesNotContain(today, h => h.ShareholderId == wang);
        Assert.DoesNotContain(today, h => h.ShareholderId == zhao && h.Preferred);
        Assert.Equal(expected, today.Where(h => h.Preferred));
        Assert.Equal(preferred, Assert.Single((await village.Register.View(Yesterday)).Holdings, h => h.Preferred));

        // The new holdings are preferred shares formed from subsidies: not transferable either.
        await GrainAssert.RefusedAsync(() => village.Register.Transfer(
            new ShareTransfer("h-wang-fund-r5-1", 1, zhao, ShareholderKind.Household, "h-zhao-fund", "C-9"), ShareSamples.Admin, "转让"),
            "shares.not-transferable");
    }

    [Fact]
    public async Task ReassignmentWithNoPoorHouseholdLeftConvertsTheShareAndSaysSo()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter(PreferredExitPolicy.ReassignToPoorHouseholds));
        var wang = await village.HouseholdAsync("王德明", PovertyStatus.RegisteredPoor);
        var zhao = await village.HouseholdAsync("赵春梅");
        await village.Register.IssueMany(
            [
                ShareSamples.Fund("h-wang-fund", wang, "舍烹股字第2017001号", preferred: true),
                ShareSamples.Land("h-zhao-land", zhao, 5_000, "舍烹股字第2017002号"),
            ], ShareSamples.Admin, "创始股东登记");
        await village.Household(wang).ChangePovertyStatus(Samples.Change(PovertyStatus.Exited, new(2020, 11, 30), "2020 年脱贫验收"));

        var report = await village.Register.HouseholdExited(wang, ShareSamples.Admin);

        Assert.IsType<PreferredConverted>(Assert.Single(report.Events));
        Assert.Contains("已没有建档立卡户可接收，转为普通股", Assert.Single(report.AuditLines), StringComparison.Ordinal);
        Assert.False(Assert.Single(await village.Register.HoldingsOf(wang)).Preferred);
    }

    [Fact]
    public async Task PreferredSharesStayWhileTheHouseholdHasNotExited()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter(PreferredExitPolicy.ConvertToOrdinary));
        var wang = await village.HouseholdAsync("王德明", PovertyStatus.RegisteredPoor);
        await village.Register.Issue(ShareSamples.Fund("h-wang-fund", wang, "舍烹股字第2017001号", preferred: true), ShareSamples.Admin, "资金变股金");

        await GrainAssert.RefusedAsync(() => village.Register.HouseholdExited(wang, ShareSamples.Admin), "shares.not-exited");

        Assert.Equal(1, (await village.Register.View(null)).LastSequence);
        Assert.True(Assert.Single(await village.Register.HoldingsOf(wang)).Preferred);
    }
}
