using AgriLink.Domain.Households;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Households;
using AgriLink.Grains.Shares;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Grains.Tests.Shares;

/// <summary>
/// Issue 16, item 11: the release of an exited household's preferred shares is the household's durable job, recorded with
/// the status change in one write, visible while pending, and retried by its reminder until done, also after the release
/// call failed.
/// </summary>
public sealed class PreferredReleaseJobTests(PreferredReleaseJobTests.Fixture fixture) : IClassFixture<PreferredReleaseJobTests.Fixture>
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task TheReleaseIsPendingWithTheStatusChangeAndCompletesAfterAFailedAttempt()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter(PreferredExitPolicy.ConvertToOrdinary));
        var wang = await village.HouseholdAsync("王德明", PovertyStatus.RegisteredPoor);
        await village.Register.IssueMany(
            [ShareSamples.Fund("h-wang-fund", wang, "舍烹股字第2017004号", preferred: true)], ShareSamples.Admin, "创始股东登记");
        var failing = fixture.Release;
        failing.FailNext(wang, times: 1);

        var changed = await village.Household(wang).ChangePovertyStatus(Samples.Change(PovertyStatus.Exited, new(2020, 11, 30), "2020 年脱贫验收"));

        // Recorded with the change, before anything was released.
        Assert.Equal(PovertyStatus.Exited, changed.Status);
        Assert.NotNull(changed.PendingPreferredRelease);
        Assert.True(Assert.Single(await village.Register.HoldingsOf(wang)).Preferred);

        // Done at once, the release call fails: the job stays, with its error, and survives the grain's deactivation.
        var failed = await village.Household(wang).RunPreferredRelease(ShareSamples.Admin);
        Assert.Equal(1, failed.PendingPreferredRelease?.Attempts);
        Assert.Contains("simulated", failed.PendingPreferredRelease?.LastError, StringComparison.Ordinal);
        await fixture.Cluster.DeactivateAsync(village.Household(wang));
        Assert.NotNull((await village.Household(wang).Get()).PendingPreferredRelease);
        Assert.True(Assert.Single(await village.Register.HoldingsOf(wang)).Preferred);

        // The reminder retries it until done; nobody calls again.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await village.Household(wang).Get()).PendingPreferredRelease is not null && DateTime.UtcNow < deadline)
            await Task.Delay(250, TestContext.Current.CancellationToken);

        Assert.Null((await village.Household(wang).Get()).PendingPreferredRelease);
        Assert.False(Assert.Single(await village.Register.HoldingsOf(wang)).Preferred);
        Assert.Equal(2, failing.Calls(wang));
    }

    public sealed class Fixture : ClusterFixture
    {
        public FailingRelease Release => Cluster.Silos[0].ServiceProvider.GetRequiredService<PreferredShareRelease>() as FailingRelease
                                         ?? throw new InvalidOperationException("The silo does not use the failing release.");

        protected override void ConfigureSiloServices(IServiceCollection services) =>
            services.AddSingleton<PreferredShareRelease, FailingRelease>();
    }

    /// <summary>The register's release, failing a set number of times for a household first.</summary>
    public sealed class FailingRelease : PreferredShareRelease
    {
        private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

        public override TimeSpan RetryEvery => TimeSpan.FromSeconds(2);

        public void FailNext(string householdId, int times)
        {
            lock (_failures) _failures[householdId] = times;
        }

        public int Calls(string householdId)
        {
            lock (_failures) return _calls.GetValueOrDefault(householdId);
        }

        public override Task<PreferredExitReport> Release(IGrainFactory grains, string cooperativeId, string householdId, string actor)
        {
            lock (_failures)
            {
                _calls[householdId] = _calls.GetValueOrDefault(householdId) + 1;
                if (_failures.GetValueOrDefault(householdId) > 0)
                {
                    _failures[householdId]--;
                    throw new InvalidOperationException("simulated failure of the release call");
                }
            }
            return base.Release(grains, cooperativeId, householdId, actor);
        }
    }
}
