namespace AgriLink.Domain.Dividends;

/// <summary>One shareholder's (or trading member's) statement: its components, what is paid now and what is still owed.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DividendLine")]
public sealed record DividendLine(
    [property: Id(0)] string ShareholderId,
    [property: Id(1)] IReadOnlyList<DividendComponent> Components,
    [property: Id(2)] long PaidFen,
    [property: Id(3)] long OwedFen);
