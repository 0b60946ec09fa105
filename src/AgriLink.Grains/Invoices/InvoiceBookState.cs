using AgriLink.Domain.Invoices;
using AgriLink.Domain.Orders;

namespace AgriLink.Grains.Invoices;

[GenerateSerializer, Alias("AgriLink.InvoiceBookState")]
public sealed record InvoiceBookState
{
    /// <summary>The last sequence issued in each year of issue.</summary>
    [Id(0)] public IReadOnlyDictionary<int, int> LastSequence { get; init; } = new Dictionary<int, int>();
    /// <summary>
    /// The invoices whose follow-up work is not done yet (usually none: an invoice leaves once its work is done). A state
    /// from before <see cref="RowsHeld"/> holds every invoice of the book here; its first activation writes them as rows.
    /// </summary>
    [Id(1)] public IReadOnlyList<BookedInvoice> Invoices { get; init; } = [];

    /// <summary>True once the book's invoices are rows (<see cref="InvoiceRows"/>), written with each change, not kept here.</summary>
    [Id(2)] public bool RowsHeld { get; init; }

    /// <summary>The last credit note sequence issued in each year (credit notes are rows of <c>credit_notes</c>).</summary>
    [Id(3)] public IReadOnlyDictionary<int, int> LastCreditSequence { get; init; } = new Dictionary<int, int>();
}

/// <summary>
/// An invoice and the follow-up work saved with it, so work cut short by a crash is redone (each step is idempotent):
/// telling each order it is invoiced, posting the sale, and after payment paying the orders and posting the receipt.
/// </summary>
[GenerateSerializer, Alias("AgriLink.BookedInvoice")]
public sealed record BookedInvoice
{
    [Id(0)] public required Invoice Invoice { get; init; }
    [Id(1)] public bool OrdersMarked { get; init; }
    [Id(2)] public bool IssuePosted { get; init; }
    [Id(3)] public OrderActor? PaidBy { get; init; }
    [Id(4)] public bool PaymentSettled { get; init; }
    // [Id(5)] was the status the buyer's invoice list last heard of; that list is now the book's projection, written with
    // the book. Not to be reused: older stored books still carry it.

    public bool HasWork => !OrdersMarked || !IssuePosted || (Invoice.Status == InvoiceStatus.Paid && !PaymentSettled);
}
