using AgriLink.Grains.Tests.Dividends;
using Xunit;

namespace AgriLink.Grains.Tests.Live;

/// <summary>
/// A declaration's changes reach the market feed: its cooperative hears every status, and each member household hears
/// its own line when the notice goes up and when it is paid, as a web node subscribed to the feed would.
/// </summary>
[Collection(LedgerClusterCollection.Name)]
public sealed class DividendEventsTests(LedgerClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task TheCooperativeHearsEachStatusAndEachHouseholdItsOwnLine()
    {
        await using var recorder = await FeedRecorder.SubscribeAsync(_client);
        var year = await ClosedYear.PublicisedAsync(_client, fixture.CurrentDate);
        fixture.PassDays(7);
        await year.PassPlanAsync(_client);
        await year.Declaration.Pay("coop.cashier");
        var coopTopic = $"coop:{year.Village.CooperativeId}";
        var lines = (await year.Declaration.Lines(0, 1000)).Where(l => l.ShareholderId.StartsWith("hh-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);

        // The feed does not promise order (one-way messages); the sequence puts events back in order.
        string[] statuses = ["dividend.draft", "dividend.approved", "dividend.publicised", "dividend.paid"];
        foreach (var name in statuses) await recorder.WaitFor(e => e.Topic == coopTopic && e.Name == name);
        foreach (var line in lines)
            foreach (var name in statuses[2..])
                await recorder.WaitFor(e => e.Topic == $"household:{line.ShareholderId}" && e.Name == name);

        var toCoop = recorder.About(coopTopic);
        Assert.Equal(statuses, toCoop.Select(e => e.Name));
        Assert.Equal(toCoop.Count, toCoop.Select(e => e.Sequence).Distinct().Count());
        foreach (var line in lines)
        {
            var mine = recorder.About($"household:{line.ShareholderId}");
            Assert.Equal(statuses[2..], mine.Select(e => e.Name));
            Assert.All(mine, e => Assert.Equal(line.PaidFen, FeedRecorder.Data(e).GetProperty("paidFen").GetInt64()));
        }
    }
}
