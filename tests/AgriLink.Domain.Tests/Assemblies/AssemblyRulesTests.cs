using AgriLink.Domain.Assemblies;
using AgriLink.Domain.Errors;
using Xunit;

namespace AgriLink.Domain.Tests.Assemblies;

/// <summary>Worked examples of the quorum and the majorities (all votes, not those present).</summary>
public class AssemblyRulesTests
{
    [Fact]
    public void EighteenOfThirtyIsNoQuorumAndTheRefusalNamesTheFigures()
    {
        var refused = Assert.Throws<RuleViolationException>(() => AssemblyRules.EnsureQuorum(18, 30));

        Assert.Equal("assembly.no-quorum", refused.Code);
        Assert.True(refused.Unprocessable);
        Assert.Contains("出席 18 人，不足成员总数 30 人的三分之二", refused.Message);
        Assert.Contains("至少须 20 人", refused.Message);
    }

    [Theory]
    [InlineData(20, 30, true)]
    [InlineData(19, 30, false)]
    [InlineData(2, 3, true)]
    [InlineData(1, 2, false)]
    [InlineData(2, 2, true)]
    [InlineData(101, 151, true)]
    [InlineData(100, 151, false)]
    public void QuorumIsTwoThirdsOfAllMembers(int present, int members, bool valid)
    {
        Assert.Equal(valid, AssemblyRules.HasQuorum(present, members));
        Assert.Equal(valid, present >= AssemblyRules.MinimumPresent(members));
    }

    [Fact]
    public void AMajorityOfThosePresentButNotOfAllMembersIsRefused()
    {
        // 30 members, 21 present (quorum met); 14 of the 21 vote yes: two thirds of the room, but 14 is not more than half of 30.
        AssemblyRules.EnsureQuorum(21, 30);
        var outcome = AssemblyRules.Decide(ResolutionSubject.DistributionPlan, new ResolutionCount(14, 7, 0), totalVotes: 30);

        Assert.False(outcome.Passed);
        Assert.Contains("赞成 14 票，未超过表决权总数 30 票的半数", outcome.Explanation);
        Assert.Contains("不是出席者的过半数", outcome.Explanation);
    }

    [Theory]
    [InlineData(16, 30, true)]
    [InlineData(15, 30, false)]   // exactly half is not more than half
    [InlineData(19, 36, true)]    // 30 members with 6 additional votes: 36 votes in all
    [InlineData(18, 36, false)]
    public void AnOrdinaryResolutionNeedsMoreThanHalfOfAllVotes(int yes, int total, bool passed) =>
        Assert.Equal(passed, AssemblyRules.Decide(ResolutionSubject.DistributionPlan, new ResolutionCount(yes, 0, 0), total).Passed);

    [Theory]
    [InlineData(ResolutionSubject.CharterAmendment, 20, true)]
    [InlineData(ResolutionSubject.CharterAmendment, 19, false)]
    [InlineData(ResolutionSubject.Merger, 19, false)]
    [InlineData(ResolutionSubject.Dissolution, 20, true)]
    [InlineData(ResolutionSubject.Federation, 19, false)]
    [InlineData(ResolutionSubject.Split, 19, false)]
    [InlineData(ResolutionSubject.Election, 16, true)]
    public void SpecialResolutionsNeedTwoThirdsOfAllVotes(ResolutionSubject subject, int yes, bool passed)
    {
        var outcome = AssemblyRules.Decide(subject, new ResolutionCount(yes, 30 - yes, 0), 30);
        Assert.Equal(passed, outcome.Passed);
        if (!passed && AssemblyRules.IsSpecial(subject)) Assert.Contains("三分之二", outcome.Explanation);
    }

    [Fact]
    public void ACharterMayRaiseTheThresholds()
    {
        // 60% by charter: 17 of 30 is more than half but not more than 60%; 19 is.
        Assert.False(AssemblyRules.Decide(ResolutionSubject.LossPlan, new ResolutionCount(17, 0, 0), 30, charterOrdinaryBp: 6_000).Passed);
        Assert.True(AssemblyRules.Decide(ResolutionSubject.LossPlan, new ResolutionCount(19, 0, 0), 30, charterOrdinaryBp: 6_000).Passed);
        // 75% by charter for special resolutions: 20 of 30 (two thirds) is not enough.
        var refused = AssemblyRules.Decide(ResolutionSubject.CharterAmendment, new ResolutionCount(20, 0, 0), 30, charterSpecialBp: 7_500);
        Assert.False(refused.Passed);
        Assert.Contains("75%", refused.Explanation);
    }

    [Fact]
    public void CountsBeyondAllVotesAreInvalid() =>
        Assert.Contains("counts", Assert.Throws<ValidationFailedException>(() =>
            AssemblyRules.Decide(ResolutionSubject.Other, new ResolutionCount(20, 11, 0), 30)).Errors.Keys);
}
