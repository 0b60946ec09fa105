namespace AgriLink.Grains.Dividends;

[GenerateSerializer, Alias("AgriLink.MemberTradeState")]
public sealed record MemberTradeState
{
    [Id(0)] public IReadOnlyList<TradeRecord> Records { get; init; } = [];
}
