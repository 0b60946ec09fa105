using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AgriLink.Cluster.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Cluster.Tests;

/// <summary>
/// Issue 22, item 4: a web node's search index follows the outbox from the position it stored (consumer
/// <c>search:{node}</c>), so a node that was down while listings changed through another node catches up when it starts
/// again, although its index is not empty (a node that only followed the events it received while running kept a
/// stale index: 60,050 shown, 70,004 real).
/// </summary>
public sealed class SearchResumeTests
{
    private const string CooperativeId = "coop-pzcili";

    /// <summary>How soon a restarted node's search must agree with the listings.</summary>
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AWebNodeRestartedAfterListingsChangedThroughAnotherAgreesWithThemWithinSeconds()
    {
        var watch = Stopwatch.StartNew();
        void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine($"{watch.Elapsed.TotalSeconds,6:F1} s  {message}");
        await using var cluster = await AgriLinkCluster.CreateAsync();
        using var index = new TempIndex();
        // Each web node: a Lucene index and a node name of its own, both kept across its restart.
        string[] nodeA = ["--AgriLink:NodeName", "web-a", "--Search:Lucene:Path", index.For("web-a")];
        string[] nodeB = ["--AgriLink:NodeName", "web-b", "--Search:Lucene:Path", index.For("web-b")];

        var (_, webA) = await cluster.StartSiloAndWebAsync("silo", "web-a", nodeA);
        var webB = await cluster.StartWebAsync("web-b", nodeB);
        Log("silo and web nodes A and B up, demo seeded");

        // Three of the cooperative's listings, as A's search shows them once it has indexed the demo.
        var before = await SearchUntilAsync(webA, hits => hits.Count(h => (string?)h["cooperativeId"] == CooperativeId) >= 3, "A indexing the demo");
        var chosen = before.Where(h => (string?)h["cooperativeId"] == CooperativeId).Take(3)
            .ToDictionary(h => (string)h["listingId"]!, h => (decimal)h["stock"]!);

        await webA.KillAsync();
        Log($"web node A killed; changing the stock of {string.Join(", ", chosen.Keys)} through B");
        using var coop = await webB.SignedInAsync("coop.panzhou");
        var expected = new Dictionary<string, decimal>();
        foreach (var (id, stock) in chosen)
        {
            var changed = stock + 1234;
            await coop.SendOk(HttpMethod.Put, $"/api/listings/{id}/stock", new { stock = changed });
            expected[id] = changed;
        }
        // B's own index follows at once: the changes went through the outbox.
        await SearchUntilAsync(webB, hits => Agrees(hits, expected), "B following the changes");

        var restarted = Stopwatch.StartNew();
        var againA = await cluster.StartWebAsync("web-a (restarted)", nodeA);
        var ready = restarted.Elapsed;
        await SearchUntilAsync(againA, hits => Agrees(hits, expected), "restarted A catching up", CatchUp);
        Log($"A ready again after {ready.TotalSeconds:F1} s; its search agreed {(restarted.Elapsed - ready).TotalSeconds:F1} s later");
        Assert.Contains("Search index was empty", webA.Output, StringComparison.Ordinal);     // the first start filled it
        Assert.DoesNotContain("Search index was empty", againA.Output, StringComparison.Ordinal); // the restart resumed it
    }

    private static bool Agrees(IReadOnlyList<JsonObject> hits, IReadOnlyDictionary<string, decimal> expected) =>
        expected.All(e => hits.Any(h => (string?)h["listingId"] == e.Key && (decimal?)h["stock"] == e.Value));

    /// <summary>The node's whole search (every listing, anonymous) until <paramref name="done"/> holds, within <paramref name="within"/>.</summary>
    private static async Task<IReadOnlyList<JsonObject>> SearchUntilAsync(NodeProcess node, Func<IReadOnlyList<JsonObject>, bool> done, string what, TimeSpan? within = null)
    {
        var bound = Stopwatch.StartNew();
        var limit = within ?? AgriLinkCluster.Patience;
        IReadOnlyList<JsonObject> hits = [];
        while (bound.Elapsed < limit)
        {
            var page = await node.Client.GetOk("/api/search/listings?pageSize=100");
            hits = page["items"]!.AsArray().Select(h => h!.AsObject()).ToList();
            if (done(hits)) return hits;
            await Task.Delay(250, TestServices.Ct);
        }
        Assert.Fail($"{node.Name}'s search did not agree within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({what}): " +
                    string.Join(", ", hits.Select(h => $"{h["listingId"]}={h["stock"]}")));
        return hits;
    }

    /// <summary>A folder for the web nodes' Lucene indexes, removed at the end.</summary>
    private sealed class TempIndex : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("agrilink-search-").FullName;

        public string For(string node) => Path.Combine(_root, node);

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder.
            }
        }
    }
}
