using System.Diagnostics;
using System.Net;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Orders;
using AgriLink.Domain.Quantities;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Storage;

namespace AgriLink.Benchmarks.FlashSale;

/// <summary>
/// The same flash sale without HTTP, to show the storage engines' part alone: <see cref="IOrderGrain.Place"/> (after
/// <see cref="OrderPrecheck"/>, as the API does) on an in-process silo, beside <see cref="BaselineServer.PlaceCoreAsync"/>
/// called directly, each on its own fresh SQLite file in the same folder. No authentication, JSON or sockets on either side.
/// </summary>
public static class CoreFlashSale
{
    public static async Task<(RunResult System, RunResult Baseline)> RunAsync(string folder, int buyers, int stock, Action<string> log)
    {
        log($"Core run (no HTTP): in-process silo, {buyers} orders through IOrderGrain.Place");
        RunResult system;
        await using (var silo = await BenchmarkSilo.StartAsync(Path.Combine(folder, "core-system.db"), TimeProvider.System))
        {
            var grains = silo.Grains;
            await grains.GetGrain<ICooperativeGrain>(Scenario.CooperativeId).Register(Scenario.Profile);
            var admission = grains.GetGrain<ICooperativeAdmissionGrain>(Scenario.CooperativeId);
            await admission.Apply("bench");
            await admission.Recommend("bench");
            await admission.Approve("bench");
            var buyerIds = Enumerable.Range(0, buyers).Select(i => $"buyer-bench{i:D5}").ToList();
            await Parallel.ForEachAsync(buyerIds, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) =>
                await grains.GetGrain<IBuyerGrain>(id).Register(new(id, Domain.Buyers.BuyerType.Individual, "520102", "压测", "13900000000")));

            var warm = await Listing(grains, "warm", stock);
            await Burst(grains, buyerIds.Take(200).ToList(), warm);
            var listing = await Listing(grains, "flash", stock);
            var (shots, elapsed) = await Burst(grains, buyerIds, listing);
            system = RunResult.From(listing, shots, elapsed, 0);
            system.StockLeft = (await grains.GetGrain<IListingGrain>(listing).Get()).Draft.Stock;
        }

        log("Core run (no HTTP): the UPDATE loop called directly");
        var database = AgriLinkDatabase.Sqlite(Path.Combine(folder, "core-baseline.db"));
        await BaselineServer.SetupAsync(database, new SetupRequest("warm", stock));
        await BaselineBurst(database, Enumerable.Range(0, 200).Select(i => $"b{i}").ToList(), "warm");
        await BaselineServer.SetupAsync(database, new SetupRequest("flash", stock));
        var (baseShots, baseElapsed) = await BaselineBurst(database, Enumerable.Range(0, buyers).Select(i => $"b{i}").ToList(), "flash");
        var baseline = RunResult.From("flash", baseShots, baseElapsed, 0);
        return (system, baseline);
    }

    private static async Task<string> Listing(IGrainFactory grains, string label, int stock)
    {
        var id = $"lst-bench-{label}";
        var listing = grains.GetGrain<IListingGrain>(id);
        await listing.Create(Scenario.CooperativeId, new ListingDraft($"盘州刺梨原浆 {label}", ProduceCategory.Processed, Unit.Box, 6800, stock, 1, "520281", "舍烹村"));
        await listing.Publish();
        return id;
    }

    private static Task<(IReadOnlyList<Shot>, TimeSpan)> Burst(IGrainFactory grains, IReadOnlyList<string> buyerIds, string listingId) =>
        Gate(buyerIds.Count, async i =>
        {
            var order = new PlaceOrder(buyerIds[i], PaymentMethod.Invoice, [new OrderLineRequest(listingId, 1)], "520102", "贵阳市南明区机关食堂");
            try
            {
                var orderId = OrderIds.New();
                await OrderPrecheck.ThrowIfUnavailable(grains, order, orderId);
                await grains.GetGrain<IOrderGrain>(orderId).Place(order, new OrderActor(ActorRole.Buyer, buyerIds[i]));
                return HttpStatusCode.Created;
            }
            catch (RuleViolationException)
            {
                return HttpStatusCode.Conflict;
            }
        });

    private static Task<(IReadOnlyList<Shot>, TimeSpan)> BaselineBurst(AgriLinkDatabase database, IReadOnlyList<string> buyerIds, string listingId) =>
        Gate(buyerIds.Count, async i => await Task.Run(() => BaselineServer.PlaceCoreAsync(database, new BaselineOrder(listingId, buyerIds[i], 1))) switch
        {
            null => HttpStatusCode.NotFound,
            "" => HttpStatusCode.Conflict,
            _ => HttpStatusCode.Created,
        });

    /// <summary>Starts <paramref name="count"/> calls at once behind one gate and times each and all.</summary>
    private static async Task<(IReadOnlyList<Shot>, TimeSpan)> Gate(int count, Func<int, Task<HttpStatusCode>> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            var sent = clock.Elapsed;
            var status = await call(i);
            return new Shot(i, status, (clock.Elapsed - sent).TotalMilliseconds, "");
        }).ToList();
        await Task.Delay(200);
        clock.Start();
        gate.SetResult();
        var shots = await Task.WhenAll(tasks);
        return (shots, clock.Elapsed);
    }
}
