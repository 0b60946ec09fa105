using System.Diagnostics;
using AgriLink.Domain.Errors;
using Xunit;

namespace AgriLink.Grains.Tests.Shares;

/// <summary>
/// The cooperative asks its register for a leaving member's holdings while the register asks the cooperative for its
/// members (issue 16, item 10): run together on one cooperative, neither may wait for the other until the call timeout.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RemoveAndIssueTogetherTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task RemovingAMemberWhileIssuingSharesFinishesWellWithinTheCallTimeout()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        var holder = await village.HouseholdAsync("王德明");
        const int rounds = 25;
        var leaving = new List<string>();
        for (var i = 0; i < rounds; i++) leaving.Add(await village.IndividualAsync($"社员{i:D2}"));
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < rounds; i++)
        {
            var remove = village.Cooperative.RemoveMember(leaving[i]);
            var issue = village.Register.Issue(ShareSamples.Land($"h-{i:D2}", holder, 1_000, $"舍烹股字第2017{i:D3}号"), ShareSamples.Admin, "入股");
            // The call timeout is 30 s: a round that waits for it has deadlocked.
            await Task.WhenAll(remove, issue).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{rounds} rounds took {watch.Elapsed}.");
        var members = (await village.Cooperative.Get()).Members.Select(m => m.MemberId).ToHashSet();
        Assert.All(leaving, id => Assert.DoesNotContain(id, members));
        Assert.Equal(rounds, (await village.Register.HoldingsOf(holder)).Count);
    }

    [Fact]
    public async Task RemovingTheShareholderBeingIssuedToNeverLeavesAHoldingOfANonMember()
    {
        for (var i = 0; i < 10; i++)
        {
            var village = await Village.FoundAsync(_client, ShareSamples.Charter());
            var member = await village.HouseholdAsync("李秀英");
            var remove = village.Cooperative.RemoveMember(member);
            var issue = village.Register.Issue(ShareSamples.Land($"h-race-{i}", member, 1_000, $"舍烹股字第2018{i:D3}号"), ShareSamples.Admin, "入股");
            var both = Task.WhenAll(remove, issue);
            try
            {
                await both.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            }
            catch (DomainException)
            {
                // One of the two is refused (removed first: not a member; issued first: holds shares).
            }
            Assert.True(both.IsCompleted, "Removal and issue waited for each other.");

            var stillMember = (await village.Cooperative.Get()).Members.Any(m => m.MemberId == member);
            var holds = (await village.Register.HoldingsOf(member)).Count > 0;
            Assert.True(stillMember || !holds, "A holding was issued to a member removed at the same time.");
        }
    }
}
