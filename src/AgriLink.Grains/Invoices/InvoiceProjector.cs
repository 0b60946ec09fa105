using AgriLink.Domain.Invoices;
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
        state.Invoices.Select(booked => Row(grainKey, booked.Invoice));

    // The book is keyed by its cooperative, the rows by invoice number.
    protected override IEnumerable<ProjectionWrite> Cleared(string grainKey) => [ProjectionTables.Invoices.DeleteWhere("cooperative_id", grainKey)];

    private static ProjectionWrite Row(string cooperativeId, Invoice i) =>
        ProjectionTables.Invoices.Upsert(i.Number, cooperativeId, i.Seller.Name, i.Buyer.Id, i.Buyer.Name, i.Period.ToString(), i.IssuedOn, i.TotalFen,
            i.Status.ToString(), i.Payment?.BankReference, i.Payment?.AmountFen, i.Payment?.ReceivedOn, i.Payment?.RecordedBy, i.Payment?.RecordedAt);
}
