using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;
using Xunit;

namespace AgriLink.Grains.Tests.Orders;

/// <summary>
/// The buyer's order list is told after the order is stored. When that fails and the order's activation is lost before
/// its retry (its silo killed), the order tells the list again when it is next activated or placed again.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderIndexRecoveryTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task AnOrderWhoseListUpdateWasLostWithItsActivationIsListedOnceItIsActivatedAgain()
    {
        var (_, listingId, buyer) = await _client.ListingAndBuyer();
        var buyerActor = new OrderActor(ActorRole.Buyer, "buyer");
        var first = _client.GetGrain<IOrderGrain>(OrderIds.New());
        await first.Place(Order(buyer, listingId), buyerActor); // the list's row exists, so the injected failure hits its update
        var index = _client.GetGrain<IBuyerOrdersGrain>(buyer);
        var second = _client.GetGrain<IOrderGrain>(OrderIds.New());

        await using (await fixture.FailWritesToAsync(index))
        {
            var placed = await second.Place(Order(buyer, listingId), buyerActor);
            Assert.Equal(OrderStatus.Placed, placed.Status); // stored: the order is placed, only its list is behind
        }
        await fixture.Cluster.DeactivateAsync(second); // its retry timer goes with it, as with a killed silo
        Assert.DoesNotContain(await index.List(), o => o.OrderId == second.GetPrimaryKeyString());

        await second.Get();

        await WaitUntilListed(index, second.GetPrimaryKeyString());
        Assert.Equal(2, (await index.List()).Count);
    }

    [Fact]
    public async Task ARetriedPlacementTellsTheListAtOnce()
    {
        var (_, listingId, buyer) = await _client.ListingAndBuyer();
        var buyerActor = new OrderActor(ActorRole.Buyer, "buyer");
        await _client.GetGrain<IOrderGrain>(OrderIds.New()).Place(Order(buyer, listingId), buyerActor);
        var index = _client.GetGrain<IBuyerOrdersGrain>(buyer);
        var order = _client.GetGrain<IOrderGrain>(OrderIds.FromIdempotencyKey(buyer, Guid.NewGuid().ToString()));
        await using (await fixture.FailWritesToAsync(index))
        {
            await order.Place(Order(buyer, listingId), buyerActor);
        }
        Assert.DoesNotContain(await index.List(), o => o.OrderId == order.GetPrimaryKeyString());

        await order.Place(Order(buyer, listingId), buyerActor); // the client's retry of a request whose answer it lost

        Assert.Contains(await index.List(), o => o.OrderId == order.GetPrimaryKeyString());
    }

    private static PlaceOrder Order(string buyer, string listingId) =>
        new(buyer, PaymentMethod.Invoice, [new OrderLineRequest(listingId, 1)], "440103", "机关食堂");

    private static async Task WaitUntilListed(IBuyerOrdersGrain index, string orderId)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(200))
        {
            if ((await index.List()).Any(o => o.OrderId == orderId)) return;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"{orderId} never reached the buyer's order list.");
    }
}
