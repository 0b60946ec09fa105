using AgriLink.Grains.Health;
using Xunit;

namespace AgriLink.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class HealthGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PingAnswersWithTheSiloClockInChinaTime()
    {
        var answer = await fixture.Client.GetGrain<IHealthGrain>(0).Ping();

        Assert.Equal(TimeSpan.FromHours(8), answer.Offset);
        Assert.InRange(answer, ClusterFixture.Anchor, fixture.Clock.GetUtcNow());
    }
}
