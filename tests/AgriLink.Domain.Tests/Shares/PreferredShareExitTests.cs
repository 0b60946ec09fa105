using AgriLink.Domain.Errors;
using AgriLink.Domain.Households;
using AgriLink.Domain.Shares;
using CsCheck;
using Xunit;
using static AgriLink.Domain.Tests.Shares.RegisterSamples;

namespace AgriLink.Domain.Tests.Shares;

public class PreferredShareExitTests
{
    private static readonly DateOnly ExitDay = new(2023, 3, 1);

    private static ShareRegister Village() =>
        Empty().With(Fiscal("p-a", "hh-a", 10, preferred: true), Fiscal("p-b", "hh-b", 10, preferred: true), Cash("c-a", "hh-a", 3));

    [Fact]
    public void ConversionKeepsTheSharesWithTheHouseholdAsOrdinary()
    {
        var result = PreferredShareExit.Apply(Village(), "hh-a", PovertyStatus.Exited, PreferredExitPolicy.ConvertToOrdinary, ["hh-b"], ExitDay, "admin-li");

        var converted = result.Register.GetHolding("p-a");
        Assert.False(converted.Preferred);
        Assert.Equal(("hh-a", 10L), (converted.ShareholderId, converted.Shares));
        Assert.IsType<PreferredConverted>(Assert.Single(result.Events));
        Assert.Equal("2023-03-01：hh-a 户已脱贫，优先股（股权证 GQ-p-a，10 股）按章程转为普通股，仍归该户。", Assert.Single(result.AuditLines));
    }

    [Fact]
    public void ReassignmentSplitsTheShareAmongPoorHouseholdsExactly()
    {
        var register = Village().With(Cash("c-c", "hh-c", 1), Cash("c-d", "hh-d", 1));

        var result = PreferredShareExit.Apply(register, "hh-a", PovertyStatus.Exited, PreferredExitPolicy.ReassignToPoorHouseholds,
            ["hh-d", "hh-b", "hh-c", "hh-a"], ExitDay, "admin-li");

        var reassigned = Assert.IsType<PreferredReassigned>(Assert.Single(result.Events));
        // 10 shares over 3 households: 4, 3, 3, the extra share to the lowest id.
        Assert.Equal([("hh-b", 4L), ("hh-c", 3L), ("hh-d", 3L)], reassigned.NewHoldings.Select(h => (h.ShareholderId, h.Shares)));
        Assert.All(reassigned.NewHoldings, h => Assert.True(h.Preferred));
        Assert.Equal(10_00_00L, reassigned.NewHoldings.Sum(h => h.ValuationFen));
        Assert.Throws<NotFoundException>(() => result.Register.GetHolding("p-a"));
        Assert.Equal("2023-03-01: household hh-a has exited poverty; its preferred share (certificate GQ-p-a, 10 shares) was reassigned under the charter to 3 registered-poor households: hh-b 4, hh-c 3, hh-d 3.",
            PreferredShareExit.Apply(register, "hh-a", PovertyStatus.Exited, PreferredExitPolicy.ReassignToPoorHouseholds,
                ["hh-b", "hh-c", "hh-d"], ExitDay, "admin-li", "en").AuditLines[0]);
    }

    [Fact]
    public void ReassignmentConservesSharesAndValuationExactly() =>
        Gen.Select(Gen.Long[1, 1_000_000], Gen.Long[0, 100_000_000], Gen.Int[1, 30]).Sample((shares, valuation, poor) =>
        {
            var source = Fiscal("p-x", "hh-x", shares, preferred: true) with { ValuationFen = valuation };
            var recipients = Enumerable.Range(0, poor).Select(i => $"hh-{i:D2}").ToArray();

            var register = Empty().With(source).ReassignPreferred("p-x", recipients, ExitDay, "admin-li", "exit");

            var created = register.Holdings;
            Assert.Equal(shares, created.Sum(h => h.Shares));
            Assert.Equal(valuation, created.Sum(h => h.ValuationFen));
            Assert.All(created, h => Assert.InRange(h.Shares, shares / poor, shares / poor + 1));
            Assert.DoesNotContain(created, h => h.ShareholderId == "hh-x");
        });

    [Fact]
    public void WithNoPoorHouseholdLeftReassignmentFallsBackToConversion()
    {
        var result = PreferredShareExit.Apply(Village(), "hh-a", PovertyStatus.Exited, PreferredExitPolicy.ReassignToPoorHouseholds, ["hh-a"], ExitDay, "admin-li", "en");

        Assert.IsType<PreferredConverted>(Assert.Single(result.Events));
        Assert.Contains("no registered-poor household remains", result.AuditLines[0]);
    }

    [Fact]
    public void OnlyAnExitTriggersTheChange() =>
        Assert.Equal("shares.not-exited", Assert.Throws<RuleViolationException>(() =>
            PreferredShareExit.Apply(Village(), "hh-a", PovertyStatus.Monitored, PreferredExitPolicy.ConvertToOrdinary, [], ExitDay, "admin-li")).Code);

    [Fact]
    public void HouseholdWithoutPreferredSharesGetsAnAuditLineAndNoEvents()
    {
        var result = PreferredShareExit.Apply(Village(), "hh-z", PovertyStatus.Exited, PreferredExitPolicy.ConvertToOrdinary, [], ExitDay, "admin-li");

        Assert.Empty(result.Events);
        Assert.Contains("没有优先股", Assert.Single(result.AuditLines));
    }

    [Fact]
    public void OrdinaryShareCannotBeReassigned() =>
        Assert.Equal("shares.not-preferred", Assert.Throws<RuleViolationException>(() =>
            Village().ReassignPreferred("c-a", ["hh-b"], ExitDay, "admin-li", "exit")).Code);
}
