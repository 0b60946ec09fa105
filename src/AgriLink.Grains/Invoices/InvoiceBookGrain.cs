using AgriLink.Domain.Errors;
using AgriLink.Domain.Invoices;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Orders;
using AgriLink.Storage.Ledger;
using Microsoft.Extensions.Logging;

namespace AgriLink.Grains.Invoices;

/// <summary>
/// Numbering without gaps: the grain is not reentrant, so issues run one at a time, and the next number is taken in
/// the very write that stores the invoice. A crash before that write leaves the number untaken; after it, the invoice
/// exists and its follow-up work (<see cref="BookedInvoice"/>) is redone on the next activation or call.
/// </summary>
public sealed partial class InvoiceBookGrain(
    [PersistentState("invoice-book", GrainStorage.Main)] IPersistentState<InvoiceBookState> state,
    ILedger ledger,
    Projections.OrderQueries orderLists,
    TimeProvider clock,
    ILogger<InvoiceBookGrain> logger) : Grain, IInvoiceBookGrain
{
    /// <summary>What the audit log names an invoice by: its number.</summary>
    private const string InvoiceResource = "invoice";

    private string CooperativeId => this.GetPrimaryKeyString();

    private InvoiceBookState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FinishWork();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The work stays flagged and is retried before the next change; reading the book must not fail meanwhile.
            LogWorkDeferred(e, CooperativeId);
        }
    }

    public async Task<IssuedInvoice> Issue(string buyerId, InvoicePeriod period, string issuedBy)
    {
        new Validator().Text("buyerId", buyerId, 40).Text("issuedBy", issuedBy, 100).ThrowIfInvalid();
        var today = clock.Today();
        Invoice.EnsureIssuable(period, today);
        await FinishWork();

        var lines = await Uninvoiced(buyerId, period);
        if (lines.Count == 0 && S.Invoices.LastOrDefault(b => b.Invoice.Buyer.Id == buyerId && b.Invoice.Period == period) is { } issued)
            return new IssuedInvoice(issued.Invoice, Created: false);

        var seller = (await GrainFactory.GetGrain<ICooperativeGrain>(CooperativeId).Get()).Profile;
        var buyer = (await GrainFactory.GetGrain<IBuyerGrain>(buyerId).Get()).Profile;
        var number = InvoiceNumber.Next(CooperativeId, today.Year, S.LastSequence.GetValueOrDefault(today.Year));
        var invoice = Invoice.Compose(number, new InvoiceParty(CooperativeId, seller.Name, seller.CreditCode),
            new InvoiceParty(buyerId, buyer.Name, buyer.CreditCode), period, today, lines, issuedBy);

        var sequences = new Dictionary<int, int>(S.LastSequence) { [number.Year] = number.Sequence };
        await state.CommitAsync(S with { LastSequence = sequences, Invoices = [.. S.Invoices, new BookedInvoice { Invoice = invoice }] },
            AuditEntries.ChangesOfNew(InvoiceResource, invoice.Number, invoice));
        LogIssued(invoice.Number, buyerId, period.ToString(), invoice.TotalFen);
        await FinishWork();
        return new IssuedInvoice(invoice, Created: true);
    }

    public async Task<Invoice> RecordPayment(string number, InvoicePaymentReceived payment, OrderActor actor)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(actor);
        new Validator().Text("bankReference", payment.BankReference, 100).Range("amountFen", payment.AmountFen, 1, LedgerPosting.MaxAmountFen)
            .ThrowIfInvalid();
        var index = IndexOf(number);
        await FinishWork();

        var booked = S.Invoices[index];
        var received = new InvoicePayment(payment.BankReference.Trim(), payment.AmountFen, payment.ReceivedOn, actor.Name, clock.Now());
        var paid = booked.Invoice.Pay(received, clock.Today());
        if (ReferenceEquals(paid, booked.Invoice)) return paid;

        var invoices = S.Invoices.ToList();
        invoices[index] = booked with { Invoice = paid, PaidBy = actor };
        await state.CommitAsync(S with { Invoices = invoices }, AuditEntries.Changes(InvoiceResource, number, booked.Invoice, paid));
        LogPaid(number, received.BankReference);
        await FinishWork();
        return paid;
    }

    public Task<Invoice?> Get(string number) =>
        Task.FromResult(S.Invoices.FirstOrDefault(b => b.Invoice.Number == number)?.Invoice);

    private int IndexOf(string number)
    {
        for (var i = 0; i < S.Invoices.Count; i++)
            if (S.Invoices[i].Invoice.Number == number) return i;
        throw new NotFoundException("invoice", number);
    }

    /// <summary>
    /// The buyer's sub-orders with this cooperative that are paid by invoice, delivered within the period and on no
    /// invoice yet: neither the order's own record nor this book (an invoice whose orders are still being told) has one.
    /// </summary>
    private async Task<List<InvoiceLine>> Uninvoiced(string buyerId, InvoicePeriod period)
    {
        var covered = S.Invoices.SelectMany(b => b.Invoice.OrderIds).ToHashSet(StringComparer.Ordinal);
        // The cooperative's delivered sub-orders from their projection (a list); each is then read from its order grain.
        var candidates = (await orderLists.AllOfCooperative(CooperativeId, OrderStatus.Delivered))
            .Where(o => o.BuyerId == buyerId && o.PaymentMethod == PaymentMethod.Invoice && !covered.Contains(o.OrderId))
            .ToList();
        var orders = await Task.WhenAll(candidates.Select(o => GrainFactory.GetGrain<IOrderGrain>(o.OrderId).Get()));

        var lines = new List<InvoiceLine>();
        foreach (var order in orders)
        {
            var sub = order.SubOrders.FirstOrDefault(s => s.CooperativeId == CooperativeId);
            if (order.BuyerId != buyerId || sub is not { Status: OrderStatus.Delivered, InvoiceNumber: null }) continue;
            if (DeliveredOn(order) is not { } delivered || !period.Contains(delivered)) continue;
            lines.AddRange(sub.Lines.Select(l => new InvoiceLine(order.Id, delivered, l.Reserved.Title, l.Reserved.Unit, l.Reserved.Quantity,
                l.Reserved.PriceFen, l.Reserved.AmountFen)));
        }

        return lines;
    }

    /// <summary>The China date of the sub-order's latest delivery event.</summary>
    private DateOnly? DeliveredOn(OrderDetails order) =>
        order.History.LastOrDefault(e => e.What == "delivered" && e.CooperativeId == CooperativeId) is { } e
            ? DateOnly.FromDateTime(e.At.ToOffset(TimeSpan.FromHours(8)).DateTime)
            : null;

    /// <summary>Finishes every invoice's saved follow-up work, saving progress once at the end.</summary>
    private async Task FinishWork()
    {
        var invoices = S.Invoices.ToList();
        var changed = false;
        try
        {
            for (var i = 0; i < invoices.Count; i++)
            {
                if (!invoices[i].HasWork) continue;
                invoices[i] = await Work(invoices[i]);
                changed = true;
            }
        }
        finally
        {
            if (changed) await state.CommitAsync(S with { Invoices = invoices });
        }
    }

    private async Task<BookedInvoice> Work(BookedInvoice booked)
    {
        var invoice = booked.Invoice;
        if (!booked.OrdersMarked)
        {
            foreach (var orderId in invoice.OrderIds)
                await GrainFactory.GetGrain<IOrderGrain>(orderId).MarkInvoiced(CooperativeId, invoice.Number);
            booked = booked with { OrdersMarked = true };
        }

        if (!booked.IssuePosted)
        {
            await ledger.PostAsync(new LedgerTransfer($"invoice-issued:{invoice.Number}",
            [
                new(LedgerAccounts.CooperativeInvoiceReceivables(CooperativeId), invoice.TotalFen),
                new(LedgerAccounts.CooperativeInvoiceSales(CooperativeId), -invoice.TotalFen),
            ], $"发票 {invoice.Number} {invoice.Buyer.Name} {invoice.Period}", clock.Now()));
            booked = booked with { IssuePosted = true };
        }

        if (invoice.Payment is { } payment && !booked.PaymentSettled)
        {
            var actor = booked.PaidBy ?? new OrderActor(ActorRole.Cooperative, payment.RecordedBy, CooperativeId);
            foreach (var orderId in invoice.OrderIds)
                await GrainFactory.GetGrain<IOrderGrain>(orderId).RecordInvoicePayment(CooperativeId, invoice.Number, payment.BankReference, actor);
            await ledger.PostAsync(new LedgerTransfer($"invoice:{invoice.Number}",
            [
                new(LedgerAccounts.CooperativeBankReceipts(CooperativeId), payment.AmountFen),
                new(LedgerAccounts.CooperativeInvoiceReceivables(CooperativeId), -payment.AmountFen),
            ], $"发票 {invoice.Number} 到账 {payment.BankReference}", new DateTimeOffset(payment.ReceivedOn, TimeOnly.MinValue, TimeSpan.FromHours(8))));
            booked = booked with { PaymentSettled = true };
        }

        return booked;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {Number} issued to {BuyerId} for {Period}: {TotalFen} fen")]
    private partial void LogIssued(string number, string buyerId, string period, long totalFen);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {Number} paid, bank reference {BankReference}")]
    private partial void LogPaid(string number, string bankReference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoice follow-up work of cooperative {CooperativeId} deferred")]
    private partial void LogWorkDeferred(Exception exception, string cooperativeId);
}
