namespace AgriLink.Domain.AfterSales;

/// <summary>One step of a case: what was done (<c>request</c>, <c>accept</c>, <c>propose</c>, …), by whom, the amount it named, and a note.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.AfterSalesStep")]
public sealed record AfterSalesStep(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string What,
    [property: Id(2)] string By,
    [property: Id(3)] long? AmountFen = null,
    [property: Id(4)] string? Note = null);
