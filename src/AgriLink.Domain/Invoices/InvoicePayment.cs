namespace AgriLink.Domain.Invoices;

/// <summary>The bank transfer the cooperative received for an invoice (对公转账到账).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.InvoicePayment")]
public sealed record InvoicePayment(
    [property: Id(0)] string BankReference,
    [property: Id(1)] long AmountFen,
    [property: Id(2)] DateOnly ReceivedOn,
    [property: Id(3)] string RecordedBy,
    [property: Id(4)] DateTimeOffset RecordedAt);
