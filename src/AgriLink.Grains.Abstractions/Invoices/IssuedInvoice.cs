using AgriLink.Domain.Invoices;

namespace AgriLink.Grains.Invoices;

/// <summary>The invoice, and whether this call issued it (false: the month was already invoiced and nothing new came).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.IssuedInvoice")]
public sealed record IssuedInvoice([property: Id(0)] Invoice Invoice, [property: Id(1)] bool Created);
