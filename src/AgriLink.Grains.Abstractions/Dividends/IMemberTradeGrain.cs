using Orleans.Concurrency;

namespace AgriLink.Grains.Dividends;

/// <summary>
/// A cooperative's trade with its members in one fiscal year (key: <see cref="CooperativeYear"/>),
/// the basis of the law's return by transaction volume. Records are idempotent by reference.
/// </summary>
[Alias("AgriLink.IMemberTradeGrain")]
public interface IMemberTradeGrain : IGrainWithStringKey
{
    [Alias("Record")] Task<TradeSummary> Record(TradeRecord record);
    /// <summary>Records many at once (an import of a season's delivery book): one write.</summary>
    [Alias("RecordMany")] Task<TradeSummary> RecordMany(IReadOnlyList<TradeRecord> records);
    /// <summary>
    /// Takes back part of recorded deliveries (an after-sales refund): each reversal is a negative record under its own reference,
    /// for the member (or non-member trade) of the delivery it names, at most that delivery's amount; a reversal whose delivery
    /// was never recorded is skipped. Idempotent by reference, like <see cref="RecordMany"/>.
    /// </summary>
    [Alias("Reverse")] Task<TradeSummary> Reverse(IReadOnlyList<TradeReversal> reversals);
    /// <summary>Read-only, so it may interleave: a declaration being prepared asks for it while a new record checks the declaration.</summary>
    [Alias("Summary"), AlwaysInterleave] Task<TradeSummary> Summary();
    [Alias("Records")] Task<IReadOnlyList<TradeRecord>> Records();
}
