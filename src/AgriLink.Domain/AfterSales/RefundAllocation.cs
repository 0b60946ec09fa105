namespace AgriLink.Domain.AfterSales;

/// <summary>A line of the refunded sub-order: its number, amount, producing households (none: non-member trade) and whether it is certified.</summary>
public sealed record RefundLine(int LineNo, long AmountFen, IReadOnlyList<string> ProducerIds, bool PovertyCertified);

/// <summary>What one producer (null: the line's non-member trade) gives back of one line.</summary>
public sealed record RefundPart(int LineNo, string? ProducerId, long AmountFen);

/// <summary>
/// A refund of part of a sub-order, split exactly to the fen the way its sale was recorded: first over the lines by their
/// amounts, then each line's part evenly over its producers (largest remainder, fixed tie-break, as the sale's split), so
/// the parts sum to the refund and no producer gives back more than the sale gave it.
/// </summary>
public static class RefundAllocation
{
    public static IReadOnlyList<long> ByLine(IReadOnlyList<RefundLine> lines, long refundFen)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var total = lines.Sum(l => Math.Max(l.AmountFen, 0));
        if (refundFen < 0 || refundFen > total) throw new ArgumentOutOfRangeException(nameof(refundFen), "A refund is between 0 and the lines' total.");
        if (refundFen == 0) return lines.Select(_ => 0L).ToList();
        return Money.Allocate(Money.FromFen(refundFen), lines.Select(l => Math.Max(l.AmountFen, 0)).ToList()).Select(m => m.Fen).ToList();
    }

    public static IReadOnlyList<RefundPart> Split(IReadOnlyList<RefundLine> lines, long refundFen)
    {
        var byLine = ByLine(lines, refundFen);
        var parts = new List<RefundPart>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (byLine[i] == 0) continue;
            var producers = lines[i].ProducerIds.Distinct(StringComparer.Ordinal).ToList();
            if (producers.Count == 0)
            {
                parts.Add(new RefundPart(lines[i].LineNo, null, byLine[i]));
                continue;
            }
            var shares = Money.Allocate(Money.FromFen(byLine[i]), producers.Select(_ => 1L).ToList());
            for (var p = 0; p < producers.Count; p++)
                if (shares[p].Fen != 0) parts.Add(new RefundPart(lines[i].LineNo, producers[p], shares[p].Fen));
        }
        return parts;
    }

    /// <summary>The certified lines' part of the refund: what comes off the buyer's quota.</summary>
    public static long Certified(IReadOnlyList<RefundLine> lines, long refundFen)
    {
        var byLine = ByLine(lines, refundFen);
        return lines.Select((l, i) => l.PovertyCertified ? byLine[i] : 0).Sum();
    }
}
