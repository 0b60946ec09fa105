using AgriLink.Domain.Errors;
using AgriLink.Domain.Invoices;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Orders;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Ledger;
using AgriLink.Storage.Projections;
using Microsoft.Extensions.Logging;

namespace AgriLink.Grains.Invoices;

/// <summary>
/// Numbering without gaps: the grain is not reentrant, so issues run one at a time, and the next number is taken in
/// the very write that stores the invoice. A crash before that write leaves the number untaken; after it, the invoice
/// exists and its follow-up work (<see cref="BookedInvoice"/>) is redone on the next activation or call.
/// The state keeps the numbering and the invoices whose work is still owed; each invoice is rows (<see cref="InvoiceRows"/>)
/// written in the write that issues or settles it, so a write costs by the invoice, not by the book.
/// </summary>
public sealed partial class InvoiceBookGrain(
    [PersistentState("invoice-book", GrainStorage.Main)] IPersistentState<InvoiceBookState> state,
    ILedger ledger,
    Projections.OrderQueries orderLists,
    Projections.InvoiceQueries invoices,
    TimeProvider clock,
    ILogger<InvoiceBookGrain> logger) : Grain, IInvoiceBookGrain
{
    /// <summary>What the audit log names an invoice by: its number.</summary>
    private const string InvoiceResource = "invoice";

    /// <summary>What the audit log names a credit note by: its number.</summary>
    public const string CreditNoteResource = "credit-note";

    private string CooperativeId => this.GetPrimaryKeyString();

    private InvoiceBookState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A book from before the rows held its invoices: write them as rows, once, and keep only the unfinished ones.
        if (!S.RowsHeld && S.Invoices.Count > 0)
        {
            var rows = new StateChanges();
            foreach (var booked in S.Invoices)
                foreach (var row in InvoiceRows.Of(booked.Invoice)) rows.Add(row);
            await state.CommitAsync(S with { RowsHeld = true, Invoices = [.. S.Invoices.Where(b => b.HasWork)] }, rows);
        }

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
        if (lines.Count == 0 && await invoices.LatestFor(CooperativeId, buyerId, period) is { } issued)
            return new IssuedInvoice(issued, Created: false);

        var seller = (await GrainFactory.GetGrain<ICooperativeGrain>(CooperativeId).Get()).Profile;
        var buyer = (await GrainFactory.GetGrain<IBuyerGrain>(buyerId).Get()).Profile;
        var number = InvoiceNumber.Next(CooperativeId, today.Year, S.LastSequence.GetValueOrDefault(today.Year));
        var invoice = Invoice.Compose(number, new InvoiceParty(CooperativeId, seller.Name, seller.CreditCode),
            new InvoiceParty(buyerId, buyer.Name, buyer.CreditCode), period, today, lines, issuedBy);

        var sequences = new Dictionary<int, int>(S.LastSequence) { [number.Year] = number.Sequence };
        await state.CommitAsync(S with { RowsHeld = true, LastSequence = sequences, Invoices = [.. S.Invoices, new BookedInvoice { Invoice = invoice }] },
            WithRows(AuditEntries.ChangesOfNew(InvoiceResource, invoice.Number, invoice), invoice));
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
        await FinishWork();

        var invoice = await Find(number) ?? throw new NotFoundException("invoice", number);
        var received = new InvoicePayment(payment.BankReference.Trim(), payment.AmountFen, payment.ReceivedOn, actor.Name, clock.Now());
        var paid = invoice.Pay(received, clock.Today());
        if (ReferenceEquals(paid, invoice)) return paid;

        // Its issue work is done (FinishWork above), so the paid invoice joins the unfinished ones with only the payment's work.
        var booked = new BookedInvoice { Invoice = paid, PaidBy = actor, OrdersMarked = true, IssuePosted = true };
        await state.CommitAsync(S with { RowsHeld = true, Invoices = [.. S.Invoices.Where(b => b.Invoice.Number != number), booked] },
            WithRows(AuditEntries.Changes(InvoiceResource, number, invoice, paid), paid));
        LogPaid(number, received.BankReference);
        await FinishWork();
        return paid;
    }

    public Task<Invoice?> Get(string number) => Find(number);

    public async Task<CreditNote> IssueCreditNote(string caseKey, string buyerId, string orderId, string? invoiceNumber, long amountFen, string reason)
    {
        new Validator().Text("caseKey", caseKey, 200).Text("buyerId", buyerId, 40).Text("orderId", orderId, 64)
            .Range("amountFen", amountFen, 1, LedgerPosting.MaxAmountFen).Text("reason", reason, 500).ThrowIfInvalid();
        if (await invoices.CreditNoteOf(caseKey) is { } issued) return issued;
        var today = clock.Today();
        var sequence = S.LastCreditSequence.GetValueOrDefault(today.Year) + 1;
        var note = new CreditNote(CreditNote.FormatNumber(CooperativeId, today.Year, sequence), caseKey, CooperativeId, buyerId, orderId, invoiceNumber,
            amountFen, today, reason.Trim());
        var changes = AuditEntries.ChangesOfNew(CreditNoteResource, note.Number, note) ?? new StateChanges();
        changes.Add(ProjectionTables.CreditNotes.Upsert(note.Number, note.CaseKey, note.CooperativeId, note.BuyerId, note.OrderId, note.InvoiceNumber,
            note.AmountFen, note.IssuedOn, note.Reason));
        await state.CommitAsync(S with { LastCreditSequence = new Dictionary<int, int>(S.LastCreditSequence) { [today.Year] = sequence } }, changes);
        LogCreditNote(note.Number, caseKey, amountFen);
        return note;
    }

    /// <summary>An unfinished invoice from the state, any other from its rows.</summary>
    private async Task<Invoice?> Find(string number) =>
        S.Invoices.FirstOrDefault(b => b.Invoice.Number == number)?.Invoice ?? await invoices.Document(CooperativeId, number);

    /// <summary>The change's audit entry, if declared, with the invoice's rows.</summary>
    private static StateChanges WithRows(StateChanges? audit, Invoice invoice)
    {
        var changes = audit ?? new StateChanges();
        foreach (var row in InvoiceRows.Of(invoice)) changes.Add(row);
        return changes;
    }

    /// <summary>
    /// The buyer's sub-orders with this cooperative that are paid by invoice, delivered within the period and on no
    /// invoice yet: neither the order's own record nor this book (an invoice whose orders are still being told, which is
    /// still in the state) has one.
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
        order.DeliveredAt(CooperativeId) is { } at
            ? DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime)
            : null;

    /// <summary>
    /// Finishes every unfinished invoice's saved follow-up work, saving progress once at the end; a finished invoice leaves
    /// the state (its rows hold it).
    /// </summary>
    private async Task FinishWork()
    {
        if (S.Invoices.Count == 0) return;
        var unfinished = S.Invoices.ToList();
        var changed = unfinished.Any(b => !b.HasWork);
        try
        {
            for (var i = 0; i < unfinished.Count; i++)
            {
                if (!unfinished[i].HasWork) continue;
                unfinished[i] = await Work(unfinished[i]);
                changed = true;
            }
        }
        finally
        {
            if (changed) await state.CommitAsync(S with { RowsHeld = true, Invoices = [.. unfinished.Where(b => b.HasWork)] });
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Credit note {Number} issued for after-sales case {CaseKey}: {AmountFen} fen")]
    private partial void LogCreditNote(string number, string caseKey, long amountFen);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoice follow-up work of cooperative {CooperativeId} deferred")]
    private partial void LogWorkDeferred(Exception exception, string cooperativeId);
}
