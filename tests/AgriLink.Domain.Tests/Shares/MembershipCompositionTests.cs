using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Shares;
using Xunit;

namespace AgriLink.Domain.Tests.Shares;

public class MembershipCompositionTests
{
    private static CooperativeMember[] Members(int farmers, int otherIndividuals, int corporate) =>
    [
        .. Enumerable.Range(0, farmers).Select(i => new CooperativeMember($"hh-{i}", MemberKind.Household, $"户{i}", true, new(2020, 1, 1))),
        .. Enumerable.Range(0, otherIndividuals).Select(i => new CooperativeMember($"p-{i}", MemberKind.Individual, $"人{i}", false, new(2020, 1, 1))),
        .. Enumerable.Range(0, corporate).Select(i => new CooperativeMember($"ent-{i}", i % 2 == 0 ? MemberKind.Enterprise : MemberKind.VillageCollective, $"企{i}", false, new(2020, 1, 1))),
    ];

    [Theory]
    [InlineData(8, 1, 1, 8000, true, true)] // 10 members, one organisation allowed
    [InlineData(7, 2, 1, 7000, false, true)] // 70% farmers
    [InlineData(17, 1, 2, 8500, true, false)] // 20 members: still only one organisation
    [InlineData(20, 0, 1, 9523, true, true)] // 21 members: 1 ≤ 5% of 21
    [InlineData(38, 0, 2, 9500, true, true)] // 40 members: 2 = 5%
    [InlineData(37, 0, 3, 9250, true, false)] // 40 members: 3 > 5%
    public void CompositionReportCountsAgainstTheLaw(int farmers, int individuals, int corporate, int shareBp, bool farmerRule, bool corporateRule)
    {
        var report = MembershipComposition.Check(Members(farmers, individuals, corporate));

        Assert.Equal(farmers + individuals + corporate, report.Total);
        Assert.Equal((farmers, corporate, shareBp), (report.FarmerCount, report.CorporateCount, report.FarmerShareBp));
        Assert.Equal((farmerRule, corporateRule), (report.FarmerRuleHolds, report.CorporateRuleHolds));
        Assert.Equal(farmerRule && corporateRule, report.Compliant);
        Assert.NotEmpty(report.Messages);
    }

    [Fact]
    public void ReportExplainsEachBrokenRule()
    {
        var report = MembershipComposition.Check(Members(30, 5, 5));

        Assert.Equal(2, report.Messages.Count);
        Assert.Contains(report.Messages, m => m.Contains("at least 80% (32)", StringComparison.Ordinal));
        Assert.Contains(report.Messages, m => m.Contains("at most 5% (2)", StringComparison.Ordinal));
    }

    [Fact]
    public void NoMembersIsNotCompliant() => Assert.False(MembershipComposition.Check([]).Compliant);
}
