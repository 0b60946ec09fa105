using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Invoices;

/// <summary>
/// A row per invoice of a cooperative's book, for the buyer's and the cooperative's lists. A book never drops an invoice,
/// so each write upserts its invoices: one cooperative's book, whose state is written whole each time anyway.
/// </summary>
internal sealed class InvoiceProjector : StateProjector<InvoiceBookState>
{
    public override string StateName => "invoice-book";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Invoices];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, InvoiceBookState state) =>
        state.Invoices.Select(booked => Row(InvoiceSummary.Of(booked.Invoice)));

    // The book is keyed by its cooperative, the rows by invoice number.
    protected override IEnumerable<ProjectionWrite> Cleared(string grainKey) => [ProjectionTables.Invoices.DeleteWhere("cooperative_id", grainKey)];

    /// <summary>The row holds the invoice's list line (<see cref="InvoiceSummary"/>) column by column; its cooperative is the seller.</summary>
    private static ProjectionWrite Row(InvoiceSummary s) =>
        ProjectionTables.Invoices.Upsert(s.Number, s.CooperativeId, s.SellerName, s.BuyerId, s.BuyerName, s.Period, s.IssuedOn, s.TotalFen,
            s.Status.ToString(), s.Payment?.BankReference, s.Payment?.AmountFen, s.Payment?.ReceivedOn, s.Payment?.RecordedBy, s.Payment?.RecordedAt);
}
