using AgriLink.Domain.Invoices;
using AgriLink.Domain.Orders;
using Orleans.Concurrency;

namespace AgriLink.Grains.Invoices;

/// <summary>
/// A cooperative's invoice book (key: the cooperative id): it numbers, issues and settles the cooperative's monthly
/// invoices. Calls that change it are serialized, and a number is taken in the same write that records its invoice,
/// so numbers have no gaps and are never reused.
/// </summary>
[Alias("AgriLink.IInvoiceBookGrain")]
public interface IInvoiceBookGrain : IGrainWithStringKey
{
    /// <summary>
    /// Issues one invoice to the buyer for its delivered, uninvoiced invoice-paid sub-orders delivered in the month.
    /// Asking again when nothing new was delivered returns the month's invoice (<see cref="IssuedInvoice.Created"/> false).
    /// </summary>
    [Alias("Issue")] Task<IssuedInvoice> Issue(string buyerId, InvoicePeriod period, string issuedBy);

    /// <summary>The bank transfer arrived: each covered sub-order is paid (and completes), and the ledger is posted once.</summary>
    [Alias("RecordPayment")] Task<Invoice> RecordPayment(string number, InvoicePaymentReceived payment, OrderActor actor);

    /// <summary>
    /// Issues the credit note of an after-sales refund (its number taken in the write that stores it, with its audit entry);
    /// once per case: asked again, it answers the note issued before.
    /// </summary>
    [Alias("IssueCreditNote")] Task<CreditNote> IssueCreditNote(string caseKey, string buyerId, string orderId, string? invoiceNumber, long amountFen, string reason);

    /// <summary>(The cooperative's and each buyer's invoice lists are the book's projection rows: <c>InvoiceQueries</c>.)</summary>
    [Alias("Get"), AlwaysInterleave] Task<Invoice?> Get(string number);
}
