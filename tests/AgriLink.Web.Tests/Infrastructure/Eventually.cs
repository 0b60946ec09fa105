using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>Reads that follow a change asynchronously (the search index follows the outbox): polled until done, never timed.</summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>GETs <paramref name="path"/> until the answer satisfies <paramref name="done"/>; fails after <see cref="Patience"/>.</summary>
    public static async Task<JsonObject> Until(this HttpClient client, string path, Func<JsonObject, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = await client.GetObject(path);
            if (done(result)) return result;
            Assert.True(clock.Elapsed < Patience, $"{path} never gave the expected answer; last: {result.ToJsonString()}");
            await Task.Delay(100, Api.Ct);
        }
    }
}
