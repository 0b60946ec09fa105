namespace AgriLink.Domain.Invoices;

/// <summary>Seller or buyer as printed on the invoice: name and unified social credit code (none for a private person).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.InvoiceParty")]
public sealed record InvoiceParty(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? CreditCode);
