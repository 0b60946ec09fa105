using AgriLink.Domain.Assemblies;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.Assemblies;

public class VotingRulesPropertyTests
{
    /// <summary>1–400 members, some asking for 0–60 additional votes (often far more than the cap allows).</summary>
    private static readonly Gen<(string[] Members, Dictionary<string, int> Requests)> Assemblies =
        Gen.Int[1, 400].SelectMany(n => Gen.Int[0, 60].Array[n].Select(asks =>
        {
            var members = Enumerable.Range(0, n).Select(i => $"hh-{i:D4}").ToArray();
            return (members, members.Zip(asks).Where(p => p.Second > 0).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }));

    [Fact]
    public void AdditionalVotesNeverExceedTwentyPercentOfBasicVotes() =>
        Assemblies.Sample(a =>
        {
            var roll = VotingRules.Roll(a.Members, a.Requests);
            Assert.True(roll.AdditionalVotes * 5 <= roll.Seats, $"{roll.AdditionalVotes} additional of {roll.Seats} basic");
            Assert.Equal(a.Members.Length / 5, roll.AdditionalCap);
        });

    [Fact]
    public void RequestsAboveTheCapShareItExactly() =>
        Assemblies.Sample(a =>
        {
            var roll = VotingRules.Roll(a.Members, a.Requests);
            var asked = a.Requests.Values.Sum();
            Assert.Equal(Math.Min(asked, roll.AdditionalCap), roll.AdditionalVotes);
            Assert.All(roll.Grants, g => Assert.InRange(g.Additional, 0, g.Requested));
        });

    [Fact]
    public void EachShareIsWithinOneVoteOfItsProportion() =>
        Assemblies.Sample(a =>
        {
            var roll = VotingRules.Roll(a.Members, a.Requests);
            var asked = (long)a.Requests.Values.Sum();
            if (asked <= roll.AdditionalCap) return;
            Assert.All(roll.Grants, g =>
            {
                var exact = (decimal)roll.AdditionalCap * g.Requested / asked;
                Assert.InRange(g.Additional, Math.Floor(exact), Math.Floor(exact) + 1);
            });
        });

    [Fact]
    public void TheSameRequestsInAnyOrderGiveTheSameGrants() =>
        Assemblies.Sample(a =>
        {
            var first = VotingRules.Roll(a.Members, a.Requests);
            var shuffled = a.Requests.Reverse().ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
            var again = VotingRules.Roll(a.Members.Reverse().ToArray(), shuffled);
            Assert.Equal(first.Grants, again.Grants);
        });

    [Fact]
    public void TiesGoToTheLowerMemberId()
    {
        // 10 members: cap 2. Three ask 1 each: 2 × 1/3 each, remainders equal; the first two ids get one vote each.
        var members = Enumerable.Range(0, 10).Select(i => $"m{i}").ToArray();
        var roll = VotingRules.Roll(members, new Dictionary<string, int> { ["m7"] = 1, ["m3"] = 1, ["m5"] = 1 });

        Assert.Equal(2, roll.AdditionalCap);
        Assert.Equal([("m3", 1), ("m5", 1), ("m7", 0)], roll.Grants.Select(g => (g.MemberId, g.Additional)));
        Assert.Equal(12, roll.TotalVotes);
    }

    [Fact]
    public void RequestsWithinTheCapAreGrantedWhole()
    {
        var members = Enumerable.Range(0, 30).Select(i => $"m{i:D2}").ToArray();
        var roll = VotingRules.Roll(members, new Dictionary<string, int> { ["m01"] = 3, ["m02"] = 2, ["outsider"] = 50 });

        Assert.Equal(6, roll.AdditionalCap);
        Assert.Equal(5, roll.AdditionalVotes);
        Assert.Equal(4, roll.VotesOf("m01"));
        Assert.Equal(1, roll.VotesOf("m09"));
        Assert.DoesNotContain(roll.Grants, g => g.MemberId == "outsider");
    }

    [Fact]
    public void SharesGiveRequestsAsTheCharterSays()
    {
        var requests = VotingRules.RequestsByShares([("a", 250), ("a", 60), ("b", 99), ("c", 100)], sharesPerAdditionalVote: 100);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["c"] = 1 }, requests);
        Assert.Empty(VotingRules.RequestsByShares([("a", 1_000)], 0));
    }

    [Fact]
    public void ARepresentativeAssemblyNeedsMoreThan150MembersAndTheCharterRule()
    {
        Assert.Equal("assembly.representatives-too-few", Assert.Throws<Errors.RuleViolationException>(() => VotingRules.Representatives(150, 10)).Code);
        Assert.Equal("assembly.representatives-not-in-charter", Assert.Throws<Errors.RuleViolationException>(() => VotingRules.Representatives(151, 0)).Code);
        // 600 members in groups of 12 elect 50 representatives, one short of the law's 51; groups of 11 elect 55.
        var tooFew = Assert.Throws<Errors.RuleViolationException>(() => VotingRules.Representatives(600, 12));
        Assert.Equal("assembly.representatives-too-few-seats", tooFew.Code);
        Assert.Contains("只有 50 名代表，少于 51 人", tooFew.Message);
        Assert.Equal(55, VotingRules.Representatives(600, 11).Seats);
        Assert.Equal(51, VotingRules.Representatives(151, 3).Seats);
        var roll = VotingRules.Representatives(1_234, 10);
        Assert.Equal(124, roll.Seats);
        Assert.True(roll.Representative);
        Assert.Equal(124, roll.TotalVotes);
    }
}
