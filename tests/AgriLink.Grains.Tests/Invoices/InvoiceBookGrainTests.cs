using System.Text.Json.Nodes;
using AgriLink.Domain.Invoices;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Invoices;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Tests.Audit;
using AgriLink.Storage.Audit;
using AgriLink.Storage.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Grains.Tests.Invoices;

[Collection(ClusterCollection.Name)]
public sealed class InvoiceBookGrainTests(ClusterFixture fixture)
{
    private static readonly InvoicePeriod ThisMonth = new(ClusterFixture.Today.Year, ClusterFixture.Today.Month);
    private readonly IClusterClient _client = fixture.Client;

    private ILedger Ledger => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ILedger>();

    private async Task<(string Cooperative, string Listing)> Seller()
    {
        var coop = await _client.AdmittedCooperative();
        var listing = Samples.ListingId();
        var grain = _client.GetGrain<IListingGrain>(listing);
        await grain.Create(coop, Samples.Listing(1_000) with { MinOrder = 1, PriceFen = 650 });
        await grain.Publish();
        return (coop, listing);
    }

    private async Task<string> Buyer()
    {
        var id = Samples.BuyerId();
        await _client.GetGrain<IBuyerGrain>(id).Register(Samples.Buyer());
        return id;
    }

    /// <summary>An invoice order placed, shipped and delivered; returns its id.</summary>
    private async Task<string> Delivered(string buyer, string coop, string listing, decimal quantity, PaymentMethod method = PaymentMethod.Invoice)
    {
        var order = _client.GetGrain<IOrderGrain>(OrderIds.New());
        var placed = await order.Place(new PlaceOrder(buyer, method, [new OrderLineRequest(listing, quantity)], "440103", "广州市荔湾区中山七路 1 号"),
            new OrderActor(ActorRole.Buyer, "buyer.test"));
        await order.Ship(coop, new OrderActor(ActorRole.Cooperative, "coop.admin", coop));
        await order.ConfirmDelivery(coop, new OrderActor(ActorRole.Buyer, "buyer.test"));
        return placed.Id;
    }

    /// <summary>The buyer's invoice list: the book's projection rows, written with the book.</summary>
    private async Task<IReadOnlyList<InvoiceSummary>> Listed(string buyer) => (await fixture.Invoices.OfBuyer(buyer, ClusterFixture.FirstPage)).Items;

    /// <summary>The cooperative's invoice list, newest first.</summary>
    private async Task<IReadOnlyList<InvoiceSummary>> Books(string coop) => (await fixture.Invoices.OfCooperative(coop, ClusterFixture.FirstPage)).Items;

    private async Task<IReadOnlyList<AuditEntry>> EntriesOf(string number) =>
        await new SqlAuditLog(fixture.Database).ReadAsync(new AuditQuery(ResourceType: "invoice", ResourceId: number), TestContext.Current.CancellationToken);

    [Fact]
    public async Task IssueAndPaymentAreWrittenWithTheirEntriesNamingTheInvoice()
    {
        var (coop, listing) = await Seller();
        var buyer = await Buyer();
        await Delivered(buyer, coop, listing, 2);
        var book = _client.GetGrain<IInvoiceBookGrain>(coop);
        var actor = new OrderActor(ActorRole.Cooperative, "coop.finance", coop);

        var invoice = (await Audited.AsNew("invoice.issue", "invoice", () => book.Issue(buyer, ThisMonth, "coop.admin"))).Invoice;
        var payment = new InvoicePaymentReceived("BOC20260616-0002", invoice.TotalFen, ClusterFixture.Today);
        var paid = await Audited.As("invoice.pay", "invoice", invoice.Number, () => book.RecordPayment(invoice.Number, payment, actor));
        await Audited.As("invoice.pay", "invoice", invoice.Number, () => book.RecordPayment(invoice.Number, payment, actor)); // a retry: no change
        await Audited.AsNew("invoice.issue", "invoice", () => book.Issue(buyer, ThisMonth, "coop.admin")); // nothing new: the same invoice

        var entries = await EntriesOf(invoice.Number);
        Assert.Equal(["invoice.pay", "invoice.issue"], entries.Select(e => e.Action));
        Assert.Null(entries[1].Before);
        Assert.Equal((invoice.Number, invoice.TotalFen), ((string)JsonNode.Parse(entries[1].After!)!["number"]!, (long)JsonNode.Parse(entries[1].After!)!["totalFen"]!));
        Assert.Equal(("Issued", "Paid"), ((string)JsonNode.Parse(entries[0].Before!)!["status"]!, (string)JsonNode.Parse(entries[0].After!)!["status"]!));
        Assert.Equal(paid.Payment!.BankReference, (string)JsonNode.Parse(entries[0].After!)!["payment"]!["bankReference"]!);
    }

    [Fact]
    public async Task ARefusedPaymentWritesNoEntryAndLeavesTheListedRow()
    {
        var (coop, listing) = await Seller();
        var buyer = await Buyer();
        await Delivered(buyer, coop, listing, 1);
        var book = _client.GetGrain<IInvoiceBookGrain>(coop);
        var invoice = (await book.Issue(buyer, ThisMonth, "coop.admin")).Invoice;
        var payment = new InvoicePaymentReceived("BOC20260616-0003", invoice.TotalFen, ClusterFixture.Today);

        await using (await fixture.FailWritesToAsync(book))
            await Assert.ThrowsAnyAsync<OrleansException>(() => Audited.As("invoice.pay", "invoice", invoice.Number,
                () => book.RecordPayment(invoice.Number, payment, new OrderActor(ActorRole.Cooperative, "coop.finance", coop))));

        Assert.Empty(await EntriesOf(invoice.Number));
        var line = Assert.Single(await Listed(buyer));
        Assert.Equal(InvoiceStatus.Issued, line.Status);
        Assert.Null(line.Payment);
        Assert.Equal(InvoiceStatus.Issued, (await book.Get(invoice.Number))!.Status);
    }

    [Fact]
    public async Task ConcurrentIssuesForOneCooperativeTakeConsecutiveNumbers()
    {
        var (coop, listing) = await Seller();
        var buyers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var buyer = await Buyer();
            await Delivered(buyer, coop, listing, i + 1);
            buyers.Add(buyer);
        }

        var book = _client.GetGrain<IInvoiceBookGrain>(coop);
        var issued = await Task.WhenAll(buyers.Select(b => book.Issue(b, ThisMonth, "coop.admin")));

        var numbers = issued.Select(i => InvoiceNumber.TryParse(i.Invoice.Number, out var n) ? n : default).ToList();
        Assert.All(numbers, n => Assert.Equal((coop, ClusterFixture.Today.Year), (n.CooperativeId, n.Year)));
        Assert.Equal(Enumerable.Range(1, 6), numbers.Select(n => n.Sequence).Order());
        Assert.All(issued, i => Assert.True(i.Created));
        Assert.Equal(numbers.Select(n => n.ToString()).OrderDescending(StringComparer.Ordinal), (await Books(coop)).Select(i => i.Number));
    }

    [Fact]
    public async Task AnInvoiceCoversTheBuyersDeliveredInvoiceOrdersAndMarksThem()
    {
        var (coop, listing) = await Seller();
        var buyer = await Buyer();
        var first = await Delivered(buyer, coop, listing, 10);
        var second = await Delivered(buyer, coop, listing, 2.5m);
        var other = await Delivered(await Buyer(), coop, listing, 1);
        var book = _client.GetGrain<IInvoiceBookGrain>(coop);

        var issued = await book.Issue(buyer, ThisMonth, "coop.admin");

        var invoice = issued.Invoice;
        Assert.Equal(new[] { first, second }.Order(), invoice.OrderIds.Order());
        Assert.Equal(6_500 + 1_625, invoice.TotalFen);
        Assert.Equal("捌拾壹元贰角伍分", invoice.TotalInWords);
        Assert.Equal(buyer, invoice.Buyer.Id);
        Assert.Equal(Samples.Buyer().Name, invoice.Buyer.Name);
        Assert.Equal(Samples.Cooperative().Name, invoice.Seller.Name);
        Assert.Equal(ClusterFixture.Today, invoice.IssuedOn);
        foreach (var id in invoice.OrderIds)
            Assert.Equal(invoice.Number, (await _client.GetGrain<IOrderGrain>(id).Get()).SubOrders.Single().InvoiceNumber);
        Assert.Null((await _client.GetGrain<IOrderGrain>(other).Get()).SubOrders.Single().InvoiceNumber);
        Assert.Equal(invoice.TotalFen, await Ledger.BalanceAsync(LedgerAccounts.CooperativeInvoiceReceivables(coop), TestContext.Current.CancellationToken));
        var listed = Assert.Single(await Listed(buyer));
        Assert.Equal(InvoiceSummary.Of(invoice), listed);

        // Asking again with nothing new delivered returns the same invoice and takes no number.
        var again = await book.Issue(buyer, ThisMonth, "coop.admin");
        Assert.False(again.Created);
        Assert.Equal(invoice.Number, again.Invoice.Number);
        Assert.Single(await Books(coop));
    }

    [Fact]
    public async Task NothingDeliveredMeansNothingToInvoice()
    {
        var (coop, listing) = await Seller();
        var buyer = await Buyer();
        await Delivered(await Buyer(), coop, listing, 1);
        var book = _client.GetGrain<IInvoiceBookGrain>(coop);

        await GrainAssert.RefusedAsync(() => book.Issue(buyer, ThisMonth, "coop.admin"), Invoice.NothingToInvoice);
        await GrainAssert.RefusedAsync(() => book.Issue(buyer, new InvoicePeriod(ThisMonth.Year + 1, 1), "coop.admin"), "invoice.future-period");
        Assert.Empty(await Books(coop));
    }

    [Fact]
    public async Task PaymentCompletesEveryCoveredOrderAndPostsTheLedgerOnce()
    {
        var (coop, listing) = await Seller();
        var buyer = await Buyer();
        var orders = new[] { await Delivered(buyer, coop, listing, 3), await Delivered(buyer, coop, listing, 4) };
        var book = _client.GetGrain<IInvoiceBookGrain>(coop);
        var invoice = (await book.Issue(buyer, ThisMonth, "coop.admin")).Invoice;
        var actor = new OrderActor(ActorRole.Cooperative, "coop.finance", coop);
        var payment = new InvoicePaymentReceived("BOC20260616-0001", invoice.TotalFen, ClusterFixture.Today);

        await GrainAssert.RefusedAsync(() => book.RecordPayment(invoice.Number, payment with { AmountFen = invoice.TotalFen - 1 }, actor),
            "invoice.amount-mismatch");
        var paid = await book.RecordPayment(invoice.Number, payment, actor);
        var again = await book.RecordPayment(invoice.Number, payment, actor);

        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal((paid.Status, paid.Payment), (again.Status, again.Payment));
        Assert.Equal("BOC20260616-0001", paid.Payment!.BankReference);
        foreach (var id in orders)
            Assert.Equal(OrderStatus.Completed, (await _client.GetGrain<IOrderGrain>(id).Get()).SubOrders.Single().Status);
        Assert.True(await Ledger.IsPostedAsync($"invoice:{invoice.Number}", TestContext.Current.CancellationToken));
        Assert.Equal(0, await Ledger.BalanceAsync(LedgerAccounts.CooperativeInvoiceReceivables(coop), TestContext.Current.CancellationToken));
        Assert.Equal(invoice.TotalFen, await Ledger.BalanceAsync(LedgerAccounts.CooperativeBankReceipts(coop), TestContext.Current.CancellationToken));
        Assert.Equal(-invoice.TotalFen, await Ledger.BalanceAsync(LedgerAccounts.CooperativeInvoiceSales(coop), TestContext.Current.CancellationToken));
        Assert.Single(await Ledger.EntriesAsync(LedgerAccounts.CooperativeBankReceipts(coop), ct: TestContext.Current.CancellationToken));
        await GrainAssert.RefusedAsync(() => book.RecordPayment(invoice.Number, payment with { BankReference = "BOC-other" }, actor), "invoice.already-paid");
        var listed = Assert.Single(await Listed(buyer));
        Assert.Equal((InvoiceStatus.Paid, paid.Payment with { RecordedAt = listed.Payment!.RecordedAt }), (listed.Status, listed.Payment));
        Assert.Equal(paid.Payment.RecordedAt, listed.Payment.RecordedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal([listed], await Books(coop));
    }

    [Fact]
    public async Task TheBookComesBackFromTheDatabaseAndKeepsCounting()
    {
        var (coop, listing) = await Seller();
        var (a, b) = (await Buyer(), await Buyer());
        await Delivered(a, coop, listing, 1);
        var book = _client.GetGrain<IInvoiceBookGrain>(coop);
        var first = (await book.Issue(a, ThisMonth, "coop.admin")).Invoice;

        await fixture.Cluster.DeactivateAsync(book);
        await Delivered(b, coop, listing, 1);
        var second = (await book.Issue(b, ThisMonth, "coop.admin")).Invoice;

        var reloaded = await book.Get(first.Number);
        Assert.Equal(first.Lines, reloaded!.Lines);
        Assert.Equal((first.TotalFen, first.TotalInWords, first.Buyer), (reloaded.TotalFen, reloaded.TotalInWords, reloaded.Buyer));
        Assert.EndsWith("-000001", first.Number, StringComparison.Ordinal);
        Assert.EndsWith("-000002", second.Number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBooksStateKeepsItsNumberingAndEachInvoiceIsItsRows()
    {
        var (coop, listing) = await Seller();
        var buyers = new[] { await Buyer(), await Buyer(), await Buyer() };
        var book = _client.GetGrain<IInvoiceBookGrain>(coop);
        var issued = new List<Invoice>();
        foreach (var buyer in buyers)
        {
            await Delivered(buyer, coop, listing, 2);
            issued.Add((await book.Issue(buyer, ThisMonth, "coop.admin")).Invoice);
        }
        var paid = await book.RecordPayment(issued[1].Number, new InvoicePaymentReceived("BOC-rows", issued[1].TotalFen, ClusterFixture.Today),
            new OrderActor(ActorRole.Cooperative, "coop.admin", coop));

        // The state: the year's last number, no invoice (each one's work is done); a write rewrote no other invoice.
        var state = await StoredState(coop);
        Assert.True(state.RowsHeld);
        Assert.Empty(state.Invoices);
        Assert.Equal(3, state.LastSequence[ClusterFixture.Today.Year]);

        await using var connection = await fixture.Database.OpenAsync(TestContext.Current.CancellationToken);
        var documents = (await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT document FROM invoice_documents WHERE cooperative_id = @coop ORDER BY number", new { coop })).Select(InvoiceRows.Read).ToList();
        Assert.Equal(issued.Select(i => i.Number), documents.Select(d => d.Number));
        Assert.Equal(paid.Payment, documents[1].Payment);
        Assert.Equal(issued[0].Lines, documents[0].Lines);

        // Read back whole after the book left memory, and asking again for a month already invoiced answers its invoice.
        await fixture.Cluster.DeactivateAsync(book);
        var again = await book.Issue(buyers[1], ThisMonth, "coop.admin");
        Assert.False(again.Created);
        Assert.Equal((paid.Number, paid.Status, paid.Payment, paid.TotalInWords), (again.Invoice.Number, again.Invoice.Status, again.Invoice.Payment, again.Invoice.TotalInWords));
        Assert.Equal(issued[2].Lines, (await book.Get(issued[2].Number))!.Lines);
        Assert.Null(await _client.GetGrain<IInvoiceBookGrain>(await _client.AdmittedCooperative()).Get(issued[0].Number));
    }

    private async Task<InvoiceBookState> StoredState(string coop)
    {
        await using var connection = await fixture.Database.OpenAsync(TestContext.Current.CancellationToken);
        var payload = await Dapper.SqlMapper.QuerySingleAsync<byte[]>(connection,
            "SELECT payload FROM grain_state WHERE state_name = 'invoice-book' AND grain_id LIKE @id", new { id = "%/" + coop });
        var serializer = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<Orleans.Storage.IGrainStorageSerializer>(AgriLink.Storage.StorageNames.Main);
        return serializer.Deserialize<InvoiceBookState>(new BinaryData(payload)) ?? throw new InvalidDataException("No book state.");
    }
}
