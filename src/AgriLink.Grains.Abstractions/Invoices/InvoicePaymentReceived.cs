namespace AgriLink.Grains.Invoices;

/// <summary>What the cooperative's bookkeeper reads off the bank statement.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.InvoicePaymentReceived")]
public sealed record InvoicePaymentReceived(
    [property: Id(0)] string BankReference,
    [property: Id(1)] long AmountFen,
    [property: Id(2)] DateOnly ReceivedOn);
