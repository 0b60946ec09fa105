using System.Text.Json;
using AgriLink.Domain.Invoices;
using AgriLink.Grains.Common;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Invoices;

/// <summary>
/// An invoice as the rows its book writes with it: the list line (<c>invoices</c>, column by column) and the whole invoice
/// (<c>invoice_documents</c>, as JSON). A book writes the rows of the one invoice it issues or settles, so a write costs by
/// the invoice, not by the book; the rows are the record (no state holds the invoices any more).
/// </summary>
public static class InvoiceRows
{
    /// <summary>The meta key stamped once every stored book's invoices are rows (<see cref="Common.InvoiceBookUpgrade"/>).</summary>
    public const string UpgradedKey = "invoice-book.rows";

    public static IEnumerable<ProjectionWrite> Of(Invoice invoice)
    {
        var s = InvoiceSummary.Of(invoice);
        yield return ProjectionTables.Invoices.Upsert(s.Number, s.CooperativeId, s.SellerName, s.BuyerId, s.BuyerName, s.Period, s.IssuedOn, s.TotalFen,
            s.Status.ToString(), s.Payment?.BankReference, s.Payment?.AmountFen, s.Payment?.ReceivedOn, s.Payment?.RecordedBy, s.Payment?.RecordedAt);
        yield return ProjectionTables.InvoiceDocuments.Upsert(invoice.Number, invoice.Seller.Id, invoice.Buyer.Id, invoice.Period.ToString(), Write(invoice));
    }

    public static string Write(Invoice invoice) => JsonSerializer.Serialize(invoice, RowJson.Options);

    public static Invoice Read(string json) =>
        JsonSerializer.Deserialize<Invoice>(json, RowJson.Options) ?? throw new InvalidDataException("An invoice document read as null.");
}
