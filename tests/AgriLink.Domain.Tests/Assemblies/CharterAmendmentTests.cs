using AgriLink.Domain.Assemblies;
using AgriLink.Domain.Errors;
using Xunit;

namespace AgriLink.Domain.Tests.Assemblies;

/// <summary>A recorded charter changes only under a passed charter-amendment resolution counted after the charter in force.</summary>
public class CharterAmendmentTests
{
    private static readonly DateTimeOffset Counted = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static Resolution Amendment(int yes, int total = 30) =>
        new("r1", ResolutionSubject.CharterAmendment, "修改章程第十二条", Outcome: AssemblyRules.Decide(ResolutionSubject.CharterAmendment, new(yes, total - yes, 0), total));

    [Fact]
    public void TwoThirdsOfAllVotesCountedAfterTheCharterInForceAuthoriseTheChange()
    {
        CharterAmendment.EnsureAuthorises("asm-1/r1", Amendment(20), Counted, Counted.AddDays(-1));
        CharterAmendment.EnsureAuthorises("asm-1/r1", Amendment(20), Counted, inForceSince: null);
    }

    [Fact]
    public void AMajorityBelowTwoThirdsDoesNotAmendTheCharter()
    {
        // 19 of 30 is more than half, so it would pass an ordinary resolution, but a charter change needs 20.
        var refused = Assert.Throws<RuleViolationException>(() => CharterAmendment.EnsureAuthorises("asm-1/r1", Amendment(19), Counted, null));

        Assert.Equal("charter.resolution-invalid", refused.Code);
        Assert.Contains("未获通过", refused.Message);
        Assert.Contains("赞成 19 票，未达到表决权总数 30 票的三分之二", refused.Message);
    }

    [Fact]
    public void APassedResolutionOnAnotherSubjectOrNoneAtAllIsRefused()
    {
        var plan = new Resolution("r1", ResolutionSubject.DistributionPlan, "2025 年度盈余分配方案", 2025,
            Outcome: AssemblyRules.Decide(ResolutionSubject.DistributionPlan, new(30, 0, 0), 30));

        Assert.Contains("不是修改章程的决议", Assert.Throws<RuleViolationException>(() => CharterAmendment.EnsureAuthorises("asm-1/r1", plan, Counted, null)).Message);
        Assert.Contains("不是本社已计票的成员大会决议", Assert.Throws<RuleViolationException>(() => CharterAmendment.EnsureAuthorises("asm-1/r9", null, Counted, null)).Message);
        // Called but not yet counted: no outcome, no close.
        Assert.Equal("charter.resolution-invalid", Assert.Throws<RuleViolationException>(() =>
            CharterAmendment.EnsureAuthorises("asm-1/r1", Amendment(30) with { Outcome = null }, null, null)).Code);
    }

    [Fact]
    public void AResolutionCountedBeforeTheCharterInForceCannotBringBackAnOlderText()
    {
        var refused = Assert.Throws<RuleViolationException>(() => CharterAmendment.EnsureAuthorises("asm-1/r1", Amendment(30), Counted, Counted));

        Assert.Contains("早于现行章程的登记", refused.Message);
    }

    [Theory]
    [InlineData("asm-1/r1", "asm-1", "r1")]
    [InlineData("asm-20261207154200x7k2/r12", "asm-20261207154200x7k2", "r12")]
    public void TheReferenceNamesTheAssemblyAndItsResolution(string reference, string assembly, string resolution) =>
        Assert.Equal((assembly, resolution), CharterAmendment.Parse(reference));

    [Theory]
    [InlineData("")]
    [InlineData("asm-1")]
    [InlineData("/r1")]
    [InlineData("asm-1/")]
    [InlineData("asm-1/r1/r2")]
    [InlineData("coop-x:asm-1/r1")]
    public void AMalformedReferenceIsAFieldError(string reference) =>
        Assert.Equal("resolution", Assert.Single(Assert.Throws<ValidationFailedException>(() => CharterAmendment.Parse(reference)).Errors).Key);
}
