namespace AgriLink.Grains.Dividends;

/// <summary>
/// One delivery or sale. <see cref="MemberId"/> is null for non-member trade, which the law keeps
/// apart and which never enters the return by transaction volume.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.TradeRecord")]
public sealed record TradeRecord(
    [property: Id(0)] string Reference,
    [property: Id(1)] string? MemberId,
    [property: Id(2)] long AmountFen,
    [property: Id(3)] DateOnly Date,
    [property: Id(4)] TradeSource Source,
    [property: Id(5)] string? Note = null);

/// <summary>Takes <see cref="AmountFen"/> back from the delivery recorded under <see cref="OriginalReference"/>, recorded under <see cref="Reference"/>.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.TradeReversal")]
public sealed record TradeReversal(
    [property: Id(0)] string Reference,
    [property: Id(1)] string OriginalReference,
    [property: Id(2)] long AmountFen,
    [property: Id(3)] string? Note = null);
