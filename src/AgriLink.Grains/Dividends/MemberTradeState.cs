using System.Collections.Immutable;

namespace AgriLink.Grains.Dividends;

/// <summary>
/// What a cooperative-year's trade decisions need: the totals per member and of non-member trade, and how many deliveries
/// were recorded. The deliveries themselves are rows of <c>member_trade</c>, appended with each write.
/// </summary>
[GenerateSerializer, Alias("AgriLink.MemberTradeState")]
public sealed record MemberTradeState
{
    /// <summary>Every delivery, as states before the rows held them; moved into rows on the first activation, then empty.</summary>
    [Id(0)] public IReadOnlyList<TradeRecord> Records { get; init; } = [];

    [Id(1)] public ImmutableDictionary<string, long> MemberTotals { get; init; } = ImmutableDictionary<string, long>.Empty;

    [Id(2)] public long NonMemberFen { get; init; }

    [Id(3)] public int Count { get; init; }

    /// <summary>The state with <paramref name="records"/> counted in.</summary>
    public MemberTradeState Add(IEnumerable<TradeRecord> records)
    {
        var totals = MemberTotals.ToBuilder();
        var nonMember = NonMemberFen;
        var count = Count;
        foreach (var r in records)
        {
            if (r.MemberId is { } member) totals[member] = totals.GetValueOrDefault(member) + r.AmountFen;
            else nonMember += r.AmountFen;
            count++;
        }

        return this with { MemberTotals = totals.ToImmutable(), NonMemberFen = nonMember, Count = count };
    }
}
