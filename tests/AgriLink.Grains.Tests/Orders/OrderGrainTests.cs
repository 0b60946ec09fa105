using AgriLink.Domain.Orders;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Quotas;
using Xunit;

namespace AgriLink.Grains.Tests.Orders;

[Collection(ClusterCollection.Name)]
public sealed class OrderGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;
    private static readonly OrderActor Buyer = new(ActorRole.Buyer, "buyer.test");

    private static string OrderId() => OrderIds.New();

    private Task<string> Cooperative() => _client.AdmittedCooperative();

    private async Task<string> Listing(string cooperativeId, decimal stock = 100, long priceFen = 650)
    {
        var id = Samples.ListingId();
        var grain = _client.GetGrain<IListingGrain>(id);
        await grain.Create(cooperativeId, Samples.Listing(stock) with { MinOrder = 1, PriceFen = priceFen });
        await grain.Publish();
        return id;
    }

    private async Task<string> BuyerId()
    {
        var id = Samples.BuyerId();
        await _client.GetGrain<IBuyerGrain>(id).Register(Samples.Buyer());
        return id;
    }

    private static PlaceOrder Command(string buyerId, PaymentMethod method, params (string Listing, decimal Quantity)[] lines) =>
        new(buyerId, method, lines.Select(l => new OrderLineRequest(l.Listing, l.Quantity)).ToList(), "440103", "广州市荔湾区中山七路 1 号机关食堂");

    private async Task<(decimal Stock, decimal Held)> StockOf(string listingId)
    {
        var listing = await _client.GetGrain<IListingGrain>(listingId).Get();
        return (listing.Draft.Stock, listing.Held);
    }

    private static OrderActor Coop(string cooperativeId) => new(ActorRole.Cooperative, "coop.admin", cooperativeId);

    [Fact]
    public async Task TheGrainRefusesANewOrdersDeliveryDateOutsideItsWindowButAnswersARetryOfAStoredOne()
    {
        var listing = await Listing(await Cooperative());
        var buyer = await BuyerId();
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var grain = _client.GetGrain<IOrderGrain>(OrderId());

        var past = await Assert.ThrowsAsync<Domain.Errors.ValidationFailedException>(() =>
            grain.Place(Command(buyer, PaymentMethod.Invoice, (listing, 2)) with { RequestedDeliveryDate = today.AddDays(-1) }, Buyer));
        Assert.Contains("requestedDeliveryDate", past.Errors.Keys);
        await Assert.ThrowsAsync<Domain.Errors.ValidationFailedException>(() =>
            grain.Place(Command(buyer, PaymentMethod.Invoice, (listing, 2)) with { RequestedDeliveryDate = today.AddDays(OrderRules.MaxDaysAhead + 1) }, Buyer));
        Assert.False(await grain.Exists());
        Assert.Equal((100m, 0m), await StockOf(listing));

        // Placed for the last day of the window; the same command retried is answered from the stored order.
        var command = Command(buyer, PaymentMethod.Invoice, (listing, 2)) with { RequestedDeliveryDate = today.AddDays(OrderRules.MaxDaysAhead) };
        var placed = await grain.Place(command, Buyer);
        Assert.Equal(today.AddDays(OrderRules.MaxDaysAhead), placed.RequestedDeliveryDate);
        Assert.Equal(placed.Id, (await grain.Place(command, Buyer)).Id);
    }

    [Fact]
    public async Task AnOrderFromTwoCooperativesSplitsIntoTwoSubOrders()
    {
        var (a, b) = (await Cooperative(), await Cooperative());
        var (a1, a2, b1) = (await Listing(a), await Listing(a, priceFen: 1200), await Listing(b, priceFen: 999));
        var buyer = await BuyerId();
        var id = OrderId();

        var order = await _client.GetGrain<IOrderGrain>(id).Place(Command(buyer, PaymentMethod.Invoice, (a1, 10), (b1, 2.5m), (a2, 3)), Buyer);

        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal([a, b], order.SubOrders.Select(s => s.CooperativeId));
        Assert.Equal([1, 3], order.SubOrders[0].Lines.Select(l => l.LineNo));
        Assert.Equal(6500 + 3600, order.SubOrders[0].AmountFen);
        Assert.Equal(2498, order.SubOrders[1].AmountFen); // 999 × 2.5 = 2497.5, rounded half up
        Assert.Equal(6500 + 3600 + 2498, order.TotalFen);
        Assert.Null(order.PaymentDueBy);
        // Held until shipped; shipping sells it for good.
        Assert.Equal((90m, 10m), await StockOf(a1));
        Assert.Equal((97.5m, 2.5m), await StockOf(b1));
        await _client.GetGrain<IOrderGrain>(id).Ship(b, Coop(b));
        Assert.Equal((97.5m, 0m), await StockOf(b1));
        Assert.Equal((90m, 10m), await StockOf(a1));

        // The lists are rows written with the order's state: each cooperative sees its own part, the buyer the whole.
        var lists = new OrderQueries(fixture.Database);
        var mine = Assert.Single(await lists.AllOfCooperative(b, null));
        Assert.Equal((id, 2498L, OrderStatus.Shipped), (mine.OrderId, mine.AmountFen, mine.Status));
        Assert.Equal(OrderStatus.Placed, Assert.Single(await lists.AllOfCooperative(a, null)).Status);
        var bought = Assert.Single((await lists.OfBuyer(buyer, null, new PageRequest(0, 10, null))).Items);
        Assert.Equal((id, order.TotalFen), (bought.OrderId, bought.AmountFen));
    }

    /// <summary>A listing of 100 and one of 5 of a new cooperative, a buyer, and a new order.</summary>
    private async Task<(string Plenty, string Scarce, string Buyer, IOrderGrain Grain)> PlentyAndScarce()
    {
        var coop = await Cooperative();
        return (await Listing(coop, stock: 100), await Listing(coop, stock: 5), await BuyerId(), _client.GetGrain<IOrderGrain>(OrderId()));
    }

    [Fact]
    public async Task OneRefusedLineLeavesEveryListingUntouchedAndStoresNothing()
    {
        var (plenty, scarce, buyer, grain) = await PlentyAndScarce();

        var error = await GrainAssert.RefusedAsync(() => grain.Place(Command(buyer, PaymentMethod.Card, (plenty, 10), (scarce, 6)), Buyer),
            "listing.insufficient-stock");

        Assert.StartsWith($"Line 2 ({scarce})", error.Message, StringComparison.Ordinal);
        Assert.Equal((100m, 0m), await StockOf(plenty));
        Assert.Equal((5m, 0m), await StockOf(scarce));
        Assert.False(await grain.Exists());
        Assert.Equal(ReservationVerdict.Release, await grain.ReservationExpiring(plenty));
    }

    [Fact]
    public async Task TryPlaceAnswersAStockRefusalWithoutThrowingAndStoresNothing()
    {
        var (plenty, scarce, buyer, grain) = await PlentyAndScarce();

        var outcome = await grain.TryPlace(Command(buyer, PaymentMethod.Invoice, (plenty, 10), (scarce, 6)), Buyer);

        Assert.Null(outcome.Order);
        Assert.Equal("listing.insufficient-stock", outcome.Refused?.Code);
        Assert.StartsWith($"Line 2 ({scarce})", outcome.Refused!.Message, StringComparison.Ordinal);
        Assert.Equal((100m, 0m), await StockOf(plenty));
        Assert.Equal((5m, 0m), await StockOf(scarce));
        Assert.False(await grain.Exists());

        // The same grain places the order once the lines can be served: TryPlace answers it like Place.
        var placed = await grain.TryPlace(Command(buyer, PaymentMethod.Invoice, (plenty, 10), (scarce, 5)), Buyer);
        Assert.Null(placed.Refused);
        Assert.Equal(OrderStatus.Placed, placed.Order!.Status);
        Assert.Equal((0m, 5m), await StockOf(scarce));
    }

    [Fact]
    public async Task AnUnknownListingIsNamedByItsLine()
    {
        var coop = await Cooperative();
        var known = await Listing(coop);
        var grain = _client.GetGrain<IOrderGrain>(OrderId());
        var buyer = await BuyerId();

        await GrainAssert.InvalidAsync(() => grain.Place(Command(buyer, PaymentMethod.Invoice, (known, 1), (Samples.ListingId(), 1)), Buyer),
            "lines[1].listingId");
        Assert.Equal((100m, 0m), await StockOf(known));
    }

    [Fact]
    public async Task PlacingTheSameOrderAgainPlacesItOnce()
    {
        var coop = await Cooperative();
        var listing = await Listing(coop);
        var buyer = await BuyerId();
        var grain = _client.GetGrain<IOrderGrain>(OrderId());
        var command = Command(buyer, PaymentMethod.Invoice, (listing, 4));

        var first = await grain.Place(command, Buyer);
        var again = await grain.Place(command with { Lines = [new OrderLineRequest($" {listing} ", 4.000m)] }, Buyer);

        Assert.Equal(first.History, again.History);
        Assert.Equal((96m, 4m), await StockOf(listing));
        await GrainAssert.RefusedAsync(() => grain.Place(Command(buyer, PaymentMethod.Invoice, (listing, 5)), Buyer), "order.exists");
        Assert.Equal((96m, 4m), await StockOf(listing));
    }

    [Fact]
    public async Task CancellingAnUnpaidCardOrderPutsItsStockBack()
    {
        var coop = await Cooperative();
        var listing = await Listing(coop);
        var grain = _client.GetGrain<IOrderGrain>(OrderId());
        var placed = await grain.Place(Command(await BuyerId(), PaymentMethod.Card, (listing, 30)), Buyer);
        Assert.Equal(OrderStatus.AwaitingPayment, placed.Status);
        Assert.Equal(placed.PlacedAt + new MarketplaceOptions().PaymentHold, placed.PaymentDueBy);
        Assert.Equal((70m, 30m), await StockOf(listing));

        var cancelled = await grain.Cancel(Buyer, "ordered twice by mistake");

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal((100m, 0m), await StockOf(listing));
        // Again: nothing changes, and the stock is not put back twice.
        Assert.Equal(cancelled.History, (await grain.Cancel(Buyer, "again")).History);
        Assert.Equal((100m, 0m), await StockOf(listing));
        Assert.Equal(ReservationVerdict.Release, await grain.ReservationExpiring(listing));
    }

    [Fact]
    public async Task AnUnpaidCardOrderLapsesWhenItsHoldRunsOut()
    {
        var (a, b) = (await Cooperative(), await Cooperative());
        var (la, lb) = (await Listing(a), await Listing(b));
        var grain = _client.GetGrain<IOrderGrain>(OrderId());
        await grain.Place(Command(await BuyerId(), PaymentMethod.Card, (la, 10), (lb, 20)), Buyer);

        Assert.Equal(ReservationVerdict.Release, await grain.ReservationExpiring(la));

        var lapsed = await grain.Get();
        Assert.All(lapsed.SubOrders, s => Assert.Equal(OrderStatus.Cancelled, s.Status));
        Assert.All(lapsed.SubOrders, s => Assert.False(s.RefundPending));
        Assert.Null(lapsed.PaymentDueBy);
        // The other listing asks in turn and hears the same; a payment arriving now is refused and refunded.
        Assert.Equal(ReservationVerdict.Release, await grain.ReservationExpiring(lb));
        var late = await grain.RecordCardPayment(new CardPayment("stripe", "pi_late", lapsed.TotalFen, fixture.Clock.GetUtcNow()));
        Assert.True(late.NeedsRefund);
        Assert.Equal(OrderStatus.Cancelled, late.Order.Status);
        // As the listings act on the verdict, every unit comes back.
        await _client.GetGrain<IListingGrain>(la).Release(grain.GetPrimaryKeyString());
        await _client.GetGrain<IListingGrain>(lb).Release(grain.GetPrimaryKeyString());
        Assert.Equal((100m, 0m), await StockOf(la));
        Assert.Equal((100m, 0m), await StockOf(lb));
    }

    [Fact]
    public async Task APaidCardOrderCancelledBeforeShippingReturnsItsStockAndAwaitsTheRefund()
    {
        var coop = await Cooperative();
        var listing = await Listing(coop);
        var grain = _client.GetGrain<IOrderGrain>(OrderId());
        var placed = await grain.Place(Command(await BuyerId(), PaymentMethod.Card, (listing, 10)), Buyer);
        await grain.AttachPayment("stripe", "pi_1");

        var paid = await grain.RecordCardPayment(new CardPayment("stripe", "pi_1", placed.TotalFen, fixture.Clock.GetUtcNow()));
        var duplicate = await grain.RecordCardPayment(new CardPayment("stripe", "pi_1", placed.TotalFen, fixture.Clock.GetUtcNow()));

        Assert.Equal((OrderStatus.Paid, false, false), (paid.Order.Status, paid.AlreadyRecorded, paid.NeedsRefund));
        Assert.Equal((true, false), (duplicate.AlreadyRecorded, duplicate.NeedsRefund));
        Assert.Equal(paid.Order.History, duplicate.Order.History);
        Assert.Equal((90m, 10m), await StockOf(listing));
        Assert.Equal(ReservationVerdict.Extend, await grain.ReservationExpiring(listing));

        var cancelled = await grain.Cancel(Coop(coop), "out of stock after a hailstorm", coop);
        Assert.Equal((OrderStatus.Cancelled, true), (cancelled.SubOrders[0].Status, cancelled.SubOrders[0].RefundPending));
        Assert.Equal((100m, 0m), await StockOf(listing));
        var refunded = await grain.RecordRefund(new CardRefund("stripe", "re_1", placed.TotalFen, fixture.Clock.GetUtcNow(), coop));
        Assert.Equal((OrderStatus.Refunded, false), (refunded.SubOrders[0].Status, refunded.SubOrders[0].RefundPending));
        Assert.Equal(refunded.History, (await grain.RecordRefund(new CardRefund("stripe", "re_1", placed.TotalFen, fixture.Clock.GetUtcNow(), coop))).History);
    }

    [Fact]
    public async Task CancellingOneSubOrderBeforeShippingReturnsExactlyItsStock()
    {
        var (a, b) = (await Cooperative(), await Cooperative());
        var (la, lb) = (await Listing(a), await Listing(b));
        var grain = _client.GetGrain<IOrderGrain>(OrderId());
        await grain.Place(Command(await BuyerId(), PaymentMethod.Invoice, (la, 10), (lb, 20)), Buyer);
        await grain.Ship(a, Coop(a));

        await GrainAssert.RefusedAsync(() => grain.Cancel(Buyer, "changed our menu"), OrderStateMachine.IllegalTransition);
        Assert.Equal((80m, 20m), await StockOf(lb));
        var cancelled = await grain.Cancel(Coop(b), "out of stock", b);
        await grain.Cancel(Coop(b), "out of stock", b);

        Assert.Equal([OrderStatus.Shipped, OrderStatus.Cancelled], cancelled.SubOrders.Select(s => s.Status));
        Assert.Equal(OrderStatus.Shipped, cancelled.Status);
        Assert.Equal((90m, 0m), await StockOf(la));
        Assert.Equal((100m, 0m), await StockOf(lb));
        Assert.Equal(ReservationVerdict.Release, await grain.ReservationExpiring(lb));
        Assert.Equal(ReservationVerdict.Confirm, await grain.ReservationExpiring(la));
    }

    [Fact]
    public async Task OnlyTheRightPartyMovesASubOrder()
    {
        var (coop, other) = (await Cooperative(), await Cooperative());
        var listing = await Listing(coop);
        var grain = _client.GetGrain<IOrderGrain>(OrderId());
        await grain.Place(Command(await BuyerId(), PaymentMethod.Card, (listing, 1)), Buyer);

        await GrainAssert.RefusedAsync(() => grain.Ship(coop, Buyer), OrderStateMachine.NotAllowed);
        await GrainAssert.RefusedAsync(() => grain.Ship(coop, Coop(other)), OrderStateMachine.NotAllowed);
        await GrainAssert.RefusedAsync(() => grain.Ship(coop, Coop(coop)), OrderStateMachine.IllegalTransition); // unpaid
        await GrainAssert.NotFoundAsync(() => grain.Ship(other, Coop(other)), "sub-order", $"{grain.GetPrimaryKeyString()}/{other}");
        await GrainAssert.RefusedAsync(() => grain.MarkInvoiced(coop, "INV-1"), OrderStateMachine.IllegalTransition);
        Assert.Equal(OrderStatus.AwaitingPayment, (await grain.Get()).Status);
    }

    [Fact]
    public async Task ACompletedInvoiceOrderPostsTradeAndQuotaOnce()
    {
        var (a, b) = (await Cooperative(), await Cooperative());
        var (la, lb) = (await Listing(a), await Listing(b, priceFen: 1000));
        var buyer = await BuyerId();
        var grain = _client.GetGrain<IOrderGrain>(OrderId());
        var id = grain.GetPrimaryKeyString();
        await grain.Place(Command(buyer, PaymentMethod.Invoice, (la, 10), (lb, 2)), Buyer);

        await grain.Ship(a, Coop(a));
        await grain.ConfirmDelivery(a, Buyer);
        await grain.MarkInvoiced(a, "INV-2026-000001");
        var done = await grain.RecordInvoicePayment(a, "INV-2026-000001", "BANK-0001", Coop(a));
        var again = await grain.RecordInvoicePayment(a, "INV-2026-000001", "BANK-0001", Coop(a));

        Assert.Equal(OrderStatus.Completed, done.SubOrders[0].Status);
        Assert.Equal(OrderStatus.Placed, done.Status); // the other cooperative's part has not shipped yet
        Assert.Equal(done.History, again.History);
        Assert.Equal(["placed", "shipped", "delivered", "invoiced", "paid", "completed"], done.History.Select(e => e.What));
        var trade = await _client.GetGrain<IMemberTradeGrain>(new CooperativeYear(a, ClusterFixture.Today.Year).ToString()).Records();
        var record = Assert.Single(trade);
        Assert.Equal(($"{id}:1", (string?)null, 6500L, ClusterFixture.Today, TradeSource.Marketplace),
            (record.Reference, record.MemberId, record.AmountFen, record.Date, record.Source));
        var quota = await _client.GetGrain<IBuyerQuotaGrain>(new BuyerYear(buyer, ClusterFixture.Today.Year).ToString()).Progress();
        Assert.Equal((1, 6500L, 0L), (quota.Purchases, quota.UncertifiedFen, quota.OwnFen));
        Assert.Empty(await _client.GetGrain<IMemberTradeGrain>(new CooperativeYear(b, ClusterFixture.Today.Year).ToString()).Records());
    }

    [Fact]
    public void TradeIsSplitExactlyAmongProducersAndNonMembersAreKeptApart()
    {
        var line = new OrderLine(2, new ReservedLine("lst-x", "coop-x", "刺梨", Domain.Quantities.Unit.Jin, 100, 1, 100, true,
            ["hh-a", "hh-b", "hh-c"], "520281", DateTimeOffset.UnixEpoch));

        var records = OrderPostings.TradeRecords("ord-x", [line], ClusterFixture.Today, new HashSet<string> { "hh-a", "hh-b" });

        Assert.Equal(["ord-x:2:hh-a", "ord-x:2:hh-b", "ord-x:2:hh-c"], records.Select(r => r.Reference));
        Assert.Equal([34L, 33L, 33L], records.Select(r => r.AmountFen));
        Assert.Equal(["hh-a", "hh-b", null], records.Select(r => r.MemberId));
    }
}
