using AgriLink.Domain.Dividends;

namespace AgriLink.Grains.Dividends;

[GenerateSerializer, Immutable, Alias("AgriLink.TradeSummary")]
public sealed record TradeSummary(
    [property: Id(0)] int FiscalYear,
    [property: Id(1)] IReadOnlyList<MemberTrade> MemberTrades,
    [property: Id(2)] long NonMemberTradeFen,
    [property: Id(3)] int RecordCount);
