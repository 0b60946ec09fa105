using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Invoices;

/// <summary>
/// A consolidated monthly invoice from a cooperative (seller) to a buyer, covering the buyer's delivered invoice-paid
/// sub-orders of one month. It carries what a cooperative's bookkeeper files: both parties with credit codes, the
/// lines, the total in figures and in capital numerals, issue date and period. No VAT lines: a farmers' cooperative
/// selling its members' own produce is exempt (农业生产者销售自产农产品免征增值税).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Invoice")]
public sealed record Invoice(
    [property: Id(0)] string Number,
    [property: Id(1)] InvoiceParty Seller,
    [property: Id(2)] InvoiceParty Buyer,
    [property: Id(3)] InvoicePeriod Period,
    [property: Id(4)] DateOnly IssuedOn,
    [property: Id(5)] IReadOnlyList<InvoiceLine> Lines,
    [property: Id(6)] long TotalFen,
    [property: Id(7)] string TotalInWords,
    [property: Id(8)] IReadOnlyList<string> OrderIds,
    [property: Id(9)] InvoiceStatus Status = InvoiceStatus.Issued,
    [property: Id(10)] InvoicePayment? Payment = null,
    [property: Id(11)] string IssuedBy = "")
{
    public const string NothingToInvoice = "invoice.nothing-to-invoice";

    /// <summary>
    /// Composes the invoice: lines in delivery order, the total summed exactly in fen and written in capitals.
    /// </summary>
    /// <exception cref="RuleViolationException">No lines (422 <see cref="NothingToInvoice"/>), or the period is not over yet.</exception>
    public static Invoice Compose(InvoiceNumber number, InvoiceParty seller, InvoiceParty buyer, InvoicePeriod period,
        DateOnly issuedOn, IReadOnlyList<InvoiceLine> lines, string issuedBy)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(buyer);
        ArgumentNullException.ThrowIfNull(lines);
        EnsureIssuable(period, issuedOn);
        if (lines.Count == 0)
            throw new RuleViolationException(NothingToInvoice,
                $"Buyer '{buyer.Id}' has no delivered, uninvoiced invoice orders from '{seller.Id}' in {period}.", unprocessable: true);
        if (lines.Any(l => l.AmountFen < 0 || !period.Contains(l.DeliveredOn)))
            throw new ArgumentException("Every line must have a non-negative amount and fall within the period.", nameof(lines));

        var total = Money.Sum(lines.Select(l => Money.FromFen(l.AmountFen)));
        var ordered = lines.OrderBy(l => l.DeliveredOn).ThenBy(l => l.OrderId, StringComparer.Ordinal).ToList();
        return new Invoice(number.ToString(), seller, buyer, period, issuedOn, ordered, total.Fen, CapitalAmount.Of(total),
            ordered.Select(l => l.OrderId).Distinct(StringComparer.Ordinal).ToList(), IssuedBy: issuedBy);
    }

    /// <summary>A month can be invoiced once it has begun (deliveries so far), never ahead of time.</summary>
    public static void EnsureIssuable(InvoicePeriod period, DateOnly today)
    {
        if (period.FirstDay > today)
            throw new RuleViolationException("invoice.future-period", $"Cannot invoice {period} before it begins.", unprocessable: true);
    }

    /// <summary>
    /// Records the bank transfer. The same reference again is a retry and changes nothing; anything else on a paid
    /// invoice is refused. The amount must be the invoice total to the fen.
    /// </summary>
    public Invoice Pay(InvoicePayment payment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (Payment is { } recorded)
        {
            return recorded.BankReference == payment.BankReference && recorded.AmountFen == payment.AmountFen
                ? this
                : throw new RuleViolationException("invoice.already-paid",
                    $"Invoice {Number} was already paid with bank reference {recorded.BankReference}.");
        }

        if (payment.AmountFen != TotalFen)
            throw new RuleViolationException("invoice.amount-mismatch",
                $"Invoice {Number} is for {Money.FromFen(TotalFen)}; the transfer of {Money.FromFen(payment.AmountFen)} does not settle it.", unprocessable: true);
        if (payment.ReceivedOn > today)
            throw ValidationFailedException.For("receivedOn", "must not be in the future.");
        if (payment.ReceivedOn < IssuedOn)
            throw ValidationFailedException.For("receivedOn", $"must not be before the invoice was issued ({IssuedOn:yyyy-MM-dd}).");
        return this with { Status = InvoiceStatus.Paid, Payment = payment };
    }
}
