using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Invoices;

/// <summary>One delivered order line: what, how much, at what price (fen per unit), and its amount in fen.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.InvoiceLine")]
public sealed record InvoiceLine(
    [property: Id(0)] string OrderId,
    [property: Id(1)] DateOnly DeliveredOn,
    [property: Id(2)] string Title,
    [property: Id(3)] Unit Unit,
    [property: Id(4)] decimal Quantity,
    [property: Id(5)] long UnitPriceFen,
    [property: Id(6)] long AmountFen);
