using AgriLink.Domain.Invoices;

namespace AgriLink.Grains.Invoices;

/// <summary>One line of an invoice list.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.InvoiceSummary")]
public sealed record InvoiceSummary(
    [property: Id(0)] string Number,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] string SellerName,
    [property: Id(3)] string BuyerId,
    [property: Id(4)] string BuyerName,
    [property: Id(5)] string Period,
    [property: Id(6)] DateOnly IssuedOn,
    [property: Id(7)] long TotalFen,
    [property: Id(8)] InvoiceStatus Status,
    [property: Id(9)] InvoicePayment? Payment = null)
{
    public static InvoiceSummary Of(Invoice invoice) => new(invoice.Number, invoice.Seller.Id, invoice.Seller.Name, invoice.Buyer.Id,
        invoice.Buyer.Name, invoice.Period.ToString(), invoice.IssuedOn, invoice.TotalFen, invoice.Status, invoice.Payment);
}
