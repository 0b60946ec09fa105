using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgriLink.Benchmarks.Live;

/// <summary>
/// The baseline for the live benchmark: a bare ASP.NET Core SignalR hub with the same path, the same <c>Join</c>, the
/// same hub options (stateful reconnect allowed) and the same JSON protocol, and an endpoint that broadcasts a stock
/// change to the listing's group as AgriLink's relay does — with no Orleans, no grain and no database in between.
/// Run as its own process: <c>AgriLink.Benchmarks.dll live-baseline-server --urls URL</c>.
/// </summary>
public static class LiveBaselineServer
{
    public const string ReadyLine = "Live baseline is running.";

    public static async Task<int> RunAsync(string[] args)
    {
        var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault();
        if (urls is null)
        {
            Console.Error.WriteLine("live-baseline-server --urls http://127.0.0.1:PORT");
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 4 * 1024;
            o.MaximumParallelInvocationsPerClient = 1;
        });
        var app = builder.Build();
        app.MapHub<BaselineHub>("/hubs/market", o => o.AllowStatefulReconnects = true);
        var sequence = 0L;
        app.MapPut("/api/listings/{id}/stock", async (string id, StockChange change, IHubContext<BaselineHub> hub) =>
        {
            // The same message AgriLink sends for a stock change (see MarketEventMessage and the listing event's data).
            var message = new
            {
                topic = $"listing:{id}", name = "listing.stock-changed", resource = $"listing:{id}",
                sequence = Interlocked.Increment(ref sequence), at = DateTimeOffset.UtcNow,
                data = new
                {
                    listingId = id, cooperativeId = "coop-pzcili", title = "盘州市普古乡高山核桃", status = "Published",
                    stock = change.Stock, priceFen = 3600, unit = "斤", povertyCertified = true,
                },
            };
            await hub.Clients.Group($"listing:{id}").SendAsync("Event", message);
            return Results.Ok(new { listingId = id, stock = change.Stock });
        });
        app.MapGet("/health/ready", () => Results.Ok());

        await app.StartAsync();
        Console.WriteLine(ReadyLine);
        await app.WaitForShutdownAsync();
        return 0;
    }

    public sealed record StockChange(decimal Stock);

    public sealed class BaselineHub : Hub
    {
        public Task Join(string topic) => Groups.AddToGroupAsync(Context.ConnectionId, topic);
    }
}
