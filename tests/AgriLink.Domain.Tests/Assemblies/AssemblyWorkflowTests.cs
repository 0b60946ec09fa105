using AgriLink.Domain.Assemblies;
using AgriLink.Domain.Errors;
using Xunit;

namespace AgriLink.Domain.Tests.Assemblies;

public class AssemblyWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] Members = Enumerable.Range(1, 30).Select(i => $"hh-{i:D2}").ToArray();

    private static Assembly Online(VoteRoll? roll = null) => AssemblyWorkflow.Call("coop-a:asm-1", "2025 年度成员大会", AssemblyMode.Online,
        roll ?? VotingRules.Roll(Members, new Dictionary<string, int>()), Members,
        [new ResolutionDraft(ResolutionSubject.DistributionPlan, "2025 年度盈余分配方案", 2025), new ResolutionDraft(ResolutionSubject.CharterAmendment, "修改章程第十条")],
        "coop.admin", Now, Now.AddDays(3));

    private static Ballot Vote(Assembly a, string member, VoteChoice plan, VoteChoice charter = VoteChoice.Yes, Ballot? earlier = null) =>
        AssemblyWorkflow.Cast(a, earlier, member, new Dictionary<string, VoteChoice> { ["r1"] = plan, ["r2"] = charter }, Now.AddHours(1));

    [Fact]
    public void OnlineVotesAreCountedAgainstAllMembersVotes()
    {
        var a = Online();
        // 21 of 30 vote (quorum); 16 yes on the plan: more than half of all 30 votes.
        var ballots = Members.Take(21).Select((m, i) => Vote(a, m, i < 16 ? VoteChoice.Yes : VoteChoice.No, i < 19 ? VoteChoice.Yes : VoteChoice.No)).ToList();

        var closed = AssemblyWorkflow.Close(a, ballots, "coop.admin", Now.AddDays(3), 0, 0);

        Assert.Equal((AssemblyStatus.Closed, 21), (closed.Status, closed.Present!.Value));
        Assert.True(closed.Resolutions[0].Passed);
        Assert.Equal(new ResolutionCount(16, 5, 0), closed.Resolutions[0].Count);
        // 19 yes on the charter: not two thirds of 30.
        Assert.False(closed.Resolutions[1].Passed);
        Assert.Contains("三分之二", closed.Resolutions[1].Outcome!.Explanation);
    }

    [Fact]
    public void WithoutAQuorumAnOnlineAssemblyPassesNothingAndSaysWhy()
    {
        var a = Online();
        var ballots = Members.Take(18).Select(m => Vote(a, m, VoteChoice.Yes)).ToList();

        var closed = AssemblyWorkflow.Close(a, ballots, "coop.admin", Now.AddDays(3), 0, 0);

        Assert.All(closed.Resolutions, r => Assert.False(r.Passed));
        Assert.Contains("出席 18 人，不足成员总数 30 人的三分之二", closed.QuorumNote);
    }

    [Fact]
    public void AdditionalVotesCountWithTheirHolder()
    {
        // 30 members, cap 6; hh-01 asks 10 and gets all 6: 36 votes in all. 15 members + hh-01 vote yes: 15 + 7 = 22 > 18.
        var roll = VotingRules.Roll(Members, new Dictionary<string, int> { ["hh-01"] = 10 });
        var a = Online(roll);
        var ballots = Members.Take(21).Select((m, i) => Vote(a, m, i < 16 ? VoteChoice.Yes : VoteChoice.No)).ToList();

        var closed = AssemblyWorkflow.Close(a, ballots, "coop.admin", Now.AddDays(3), 0, 0);

        Assert.Equal(36, roll.TotalVotes);
        Assert.Equal(new ResolutionCount(22, 5, 0), closed.Resolutions[0].Count);
        Assert.True(closed.Resolutions[0].Passed);
    }

    [Fact]
    public void ABallotMayBeChangedUntilTheCloseAndNotAfter()
    {
        var a = Online();
        var first = Vote(a, "hh-01", VoteChoice.No);
        var changed = Vote(a, "hh-01", VoteChoice.Yes, earlier: first);
        Assert.Equal((VoteChoice.Yes, 1), (changed.Choices["r1"], changed.Changes));

        Assert.Equal("assembly.closed", Assert.Throws<RuleViolationException>(() =>
            AssemblyWorkflow.Cast(a, changed, "hh-01", new Dictionary<string, VoteChoice> { ["r1"] = VoteChoice.No }, Now.AddDays(3))).Code);
        Assert.Equal("assembly.not-a-voter", Assert.Throws<RuleViolationException>(() => Vote(a, "hh-99", VoteChoice.Yes)).Code);
        Assert.Equal("assembly.voting-open", Assert.Throws<RuleViolationException>(() =>
            AssemblyWorkflow.Close(a, [changed], "coop.admin", Now.AddDays(2), 0, 0)).Code);
    }

    [Fact]
    public void AHeldMeetingWithoutAQuorumIsRefusedAndOneWithItIsDecided()
    {
        var a = AssemblyWorkflow.Call("coop-a:asm-2", "现场成员大会", AssemblyMode.Held, VotingRules.Roll(Members, new Dictionary<string, int>()), Members,
            [new ResolutionDraft(ResolutionSubject.DistributionPlan, "2025 年度盈余分配方案", 2025)], "coop.admin", Now, null);

        var refused = Assert.Throws<RuleViolationException>(() => AssemblyWorkflow.RecordHeld(a, 18,
            new Dictionary<string, ResolutionCount> { ["r1"] = new(18, 0, 0) }, "会议记录", "coop.admin", Now, 0, 0));
        Assert.Contains("出席 18 人，不足成员总数 30 人的三分之二", refused.Message);

        // A majority of those present (14 of 21) but not of all 30 members: refused.
        var closed = AssemblyWorkflow.RecordHeld(a, 21, new Dictionary<string, ResolutionCount> { ["r1"] = new(14, 7, 0) }, "会议记录", "coop.admin", Now, 0, 0);
        Assert.False(closed.Resolutions[0].Passed);
        Assert.Equal("会议记录", closed.Minutes);
        Assert.Equal("assembly.closed", Assert.Throws<RuleViolationException>(() => AssemblyWorkflow.RecordHeld(closed, 30,
            new Dictionary<string, ResolutionCount> { ["r1"] = new(30, 0, 0) }, "再记", "coop.admin", Now, 0, 0)).Code);
    }

    [Fact]
    public void APlanResolutionMustNameItsYear() =>
        Assert.Contains("resolutions[0].fiscalYear", Assert.Throws<ValidationFailedException>(() => AssemblyWorkflow.Call("k", "会议", AssemblyMode.Held,
            VotingRules.Roll(Members, new Dictionary<string, int>()), Members, [new ResolutionDraft(ResolutionSubject.DistributionPlan, "方案")],
            "coop.admin", Now, null)).Errors.Keys);
}
