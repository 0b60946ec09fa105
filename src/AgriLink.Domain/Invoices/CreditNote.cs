using System.Globalization;

namespace AgriLink.Domain.Invoices;

/// <summary>
/// A credit note (红字冲销凭证) for an after-sales refund of an invoiced order: numbered per cooperative and year on its own
/// sequence, <c>{cooperative}-CN-{yyyy}-{000001}</c>, one per after-sales case; it names the order, the monthly invoice
/// when one covers the sub-order already (else the month's invoice is issued in full and this note reduces it), and the amount.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CreditNote")]
public sealed record CreditNote(
    [property: Id(0)] string Number,
    [property: Id(1)] string CaseKey,
    [property: Id(2)] string CooperativeId,
    [property: Id(3)] string BuyerId,
    [property: Id(4)] string OrderId,
    [property: Id(5)] string? InvoiceNumber,
    [property: Id(6)] long AmountFen,
    [property: Id(7)] DateOnly IssuedOn,
    [property: Id(8)] string Reason)
{
    public static string FormatNumber(string cooperativeId, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{cooperativeId}-CN-{year:D4}-{sequence:D6}");
}
