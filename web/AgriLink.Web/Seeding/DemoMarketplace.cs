using AgriLink.Domain.Invoices;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Offtake;
using AgriLink.Domain.Orders;
using AgriLink.Domain.Quantities;
using AgriLink.Domain.Quotas;
using AgriLink.Grains.Common;
using AgriLink.Grains.Invoices;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Offtake;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Quotas;

namespace AgriLink.Web.Seeding;

/// <summary>
/// The demo marketplace, after the organisations and listings exist: 扶贫产品认定 for the deep-poverty county's
/// produce, producing households on listings, the canteen's quota for this year, a tea offtake contract with two
/// deliveries, and orders in several states (one completed through a paid monthly invoice, so the union's purchase
/// shows in the canteen's quota and the households' trade). Every step checks what exists, so it can resume.
/// </summary>
public sealed class DemoMarketplace(IGrainFactory grains, TimeProvider clock)
{
    public const string CanteenOrderId = "ord-democanteen0001";
    public const string UnionOrderId = "ord-demounion0001";
    public const string OfftakeId = "off-demomttea0001";

    /// <summary>Listings certified as poverty-alleviation products, with their (made-up) approval numbers.</summary>
    public static readonly (string ListingId, string Number)[] Certified =
    [
        ("lst-cjchicken", "黔扶认〔2026〕0317号"),
        ("lst-cjglutinous", "黔扶认〔2026〕0318号"),
        ("lst-cjbamboo", "黔扶认〔2026〕0319号"),
        ("lst-cjfungus", "黔扶认〔2026〕0320号"),
        ("lst-pzcilijuice", "黔扶认〔2026〕0102号"),
        ("lst-xwkiwibulk", "黔扶认〔2026〕0211号"),
    ];

    /// <summary>Listings whose sales feed named member households' trade (the return by transaction volume).</summary>
    public static readonly (string ListingId, string[] Producers)[] Producers =
    [
        ("lst-pzcilifresh", ["hh-pz01", "hh-pz02", "hh-pz03"]),
        ("lst-pzcilijuice", ["hh-pz01", "hh-pz04"]),
        ("lst-cjchicken", ["hh-cj01", "hh-cj02"]),
        ("lst-cjglutinous", ["hh-cj03"]),
    ];

    public async Task SeedAsync()
    {
        var today = clock.Today();
        await SeedListingTerms(today);
        await grains.GetGrain<IBuyerQuotaGrain>(new BuyerYear("buyer-gzcanteen", today.Year).ToString())
            .Declare(new QuotaDeclaration(300_000_000, Canteen: CanteenOperation.SelfRun)); // ¥3,000,000 a year, Guangdong's 30%
        await SeedOfftake(today);
        await SeedOrders(today);
    }

    private async Task SeedListingTerms(DateOnly today)
    {
        foreach (var (listingId, producers) in Producers)
        {
            var listing = grains.GetGrain<IListingGrain>(listingId);
            var draft = (await listing.Get()).Draft;
            if (draft.ProducerIds is not { Count: > 0 }) await listing.Update(draft with { ProducerIds = producers });
        }

        foreach (var (listingId, number) in Certified)
        {
            var listing = grains.GetGrain<IListingGrain>(listingId);
            if ((await listing.Get()).PovertyCertification is null)
                await listing.GrantPovertyCertification(new PovertyCertification(number, today.AddDays(-60)), "operator");
        }
    }

    private async Task SeedOfftake(DateOnly today)
    {
        var contract = grains.GetGrain<IOfftakeContractGrain>(OfftakeId);
        if (!await contract.Exists())
        {
            var terms = new OfftakeTerms("湄潭翠芽 鲜叶（一芽一叶）", ProduceCategory.Tea, Unit.Jin, 5000, today.AddDays(-120), today.AddDays(60),
                FloorPriceFen: 3600, MarketPriceIfHigher: true, Specification: "明前茶青，当日采摘当日交售");
            await contract.Propose(new OfftakeProposal("ent-qianfeng", "coop-mttea", terms), "ent.qianfeng");
        }

        if ((await contract.Get()).Status == OfftakeStatus.Proposed) await contract.Accept("coop.meitan");
        // Market below the floor on the first delivery (the guarantee tops it up), above it on the second.
        await contract.RecordDelivery(new OfftakeDelivery("茶青交售单-001", today.AddDays(-90), 1200, 3100), "coop.meitan");
        await contract.RecordDelivery(new OfftakeDelivery("茶青交售单-002", today.AddDays(-30), 800, 4200), "coop.meitan");
    }

    private async Task SeedOrders(DateOnly today)
    {
        var canteen = new OrderActor(ActorRole.Buyer, "buyer.canteen");
        var union = new OrderActor(ActorRole.Buyer, "buyer.union");

        // The canteen's mixed order: 盘州 has shipped its part, 修文 has not yet.
        var order = grains.GetGrain<IOrderGrain>(CanteenOrderId);
        var placed = await order.Place(new PlaceOrder("buyer-gzcanteen", PaymentMethod.Invoice,
        [
            new OrderLineRequest("lst-pzcilijuice", 20),
            new OrderLineRequest("lst-xwkiwibulk", 600),
        ], "440103", "广州市荔湾区中山七路 1 号 机关食堂", "食堂十二月采购", "陈晓燕", "020-81234567", today.AddDays(5)), canteen);
        if (placed.SubOrders.Single(s => s.CooperativeId == "coop-pzcili").Status == OrderStatus.Placed)
            await order.Ship("coop-pzcili", new OrderActor(ActorRole.Cooperative, "coop.panzhou", "coop-pzcili"),
                new Shipment(Carrier.SfExpress, "SF1402738852614", null));

        // The union's order from 从江, delivered, invoiced for the month and paid: completed.
        var unionOrder = grains.GetGrain<IOrderGrain>(UnionOrderId);
        var sub = (await unionOrder.Place(new PlaceOrder("buyer-gzunion", PaymentMethod.Invoice,
        [
            new OrderLineRequest("lst-cjchicken", 40),
            new OrderLineRequest("lst-cjglutinous", 200),
        ], "440103", "广州市荔湾区总工会 职工之家", "职工节日慰问品", "梁志强", "13802233445"), union)).SubOrders.Single();
        var cooperative = new OrderActor(ActorRole.Cooperative, "coop.congjiang", "coop-cjxiang");
        if (sub.Status == OrderStatus.Placed)
            sub = (await unionOrder.Ship("coop-cjxiang", cooperative, new Shipment(Carrier.OwnVehicle, null, today))).SubOrders.Single();
        if (sub.Status == OrderStatus.Shipped) sub = (await unionOrder.ConfirmDelivery("coop-cjxiang", union)).SubOrders.Single();
        if (sub.Status == OrderStatus.Delivered)
        {
            var book = grains.GetGrain<IInvoiceBookGrain>("coop-cjxiang");
            var invoice = sub.InvoiceNumber is { } number
                ? (await book.Get(number))!
                : (await book.Issue("buyer-gzunion", new InvoicePeriod(today.Year, today.Month), "coop.congjiang")).Invoice;
            await book.RecordPayment(invoice.Number, new InvoicePaymentReceived("中国农业银行从江支行 2026120100017", invoice.TotalFen, today), cooperative);
        }
    }
}
