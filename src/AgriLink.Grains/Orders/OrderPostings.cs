using AgriLink.Domain;
using AgriLink.Domain.AfterSales;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Quotas;
using AgriLink.Grains.Shares;

namespace AgriLink.Grains.Orders;

/// <summary>
/// What a completed sub-order tells the rest of the platform: each producing member's transaction volume (the
/// basis of the cooperative's return by trade) and the buyer's quota progress. Both are idempotent by reference.
/// </summary>
public static class OrderPostings
{
    public static async Task PostTrade(IGrainFactory grains, string orderId, SubOrderState sub)
    {
        var date = sub.CompletedOn ?? throw new InvalidOperationException("Only completed sub-orders post trade.");
        var members = (await grains.GetGrain<ICooperativeGrain>(sub.CooperativeId).Get()).Members
            .Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        var endMonth = (await grains.GetGrain<IShareRegisterGrain>(sub.CooperativeId).GetCharter())?.FiscalYearEndMonth ?? 12;
        var records = TradeRecords(orderId, sub.Lines, date, members);
        if (records.Count == 0) return;
        var key = new CooperativeYear(sub.CooperativeId, FiscalCalendar.YearEndOf(date, endMonth).Year);
        await grains.GetGrain<IMemberTradeGrain>(key.ToString()).RecordMany(records);
    }

    /// <summary>
    /// One record per producer of each line, the line's amount split evenly to the fen. A line without producers, or
    /// a producer who is no longer a member, is non-member trade (kept apart by law).
    /// </summary>
    public static List<TradeRecord> TradeRecords(string orderId, IReadOnlyList<OrderLine> lines, DateOnly date, IReadOnlySet<string> members)
    {
        var records = new List<TradeRecord>();
        foreach (var line in lines.Where(l => l.Reserved.AmountFen > 0))
        {
            var producers = line.Reserved.ProducerIds.Distinct(StringComparer.Ordinal).ToList();
            var note = $"{line.Reserved.Title} {line.Reserved.Quantity} × {Money.FromFen(line.Reserved.PriceFen)}";
            if (producers.Count == 0)
            {
                records.Add(new TradeRecord($"{orderId}:{line.LineNo}", null, line.Reserved.AmountFen, date, TradeSource.Marketplace, note));
                continue;
            }
            var parts = Money.Allocate(Money.FromFen(line.Reserved.AmountFen), producers.Select(_ => 1L).ToList());
            for (var i = 0; i < producers.Count; i++)
            {
                if (parts[i].Fen == 0) continue;
                var member = members.Contains(producers[i]) ? producers[i] : null;
                records.Add(new TradeRecord($"{orderId}:{line.LineNo}:{producers[i]}", member, parts[i].Fen, date, TradeSource.Marketplace,
                    member is null ? $"{note}; producer {producers[i]} is not a member" : note));
            }
        }
        return records;
    }

    /// <summary>
    /// Takes an after-sales refund back from the member trade the sale recorded: the refund split over the lines and producers
    /// (<see cref="RefundAllocation"/>), each part a reversal of that producer's delivery, under <c>{delivery}:aftersales</c>
    /// (one case per sub-order, so the delivery's reference names the case).
    /// </summary>
    public static async Task ReverseTrade(IGrainFactory grains, string orderId, SubOrderState sub, AfterSalesRefund refund)
    {
        var date = sub.CompletedOn ?? throw new InvalidOperationException("Only completed sub-orders reverse trade.");
        var reversals = TradeReversals(orderId, sub.Lines, refund);
        if (reversals.Count == 0) return;
        var endMonth = (await grains.GetGrain<IShareRegisterGrain>(sub.CooperativeId).GetCharter())?.FiscalYearEndMonth ?? 12;
        var key = new CooperativeYear(sub.CooperativeId, FiscalCalendar.YearEndOf(date, endMonth).Year);
        await grains.GetGrain<IMemberTradeGrain>(key.ToString()).Reverse(reversals);
    }

    public static List<TradeReversal> TradeReversals(string orderId, IReadOnlyList<OrderLine> lines, AfterSalesRefund refund) =>
        RefundAllocation.Split(RefundLines(lines), refund.AmountFen)
            .Select(p =>
            {
                var original = p.ProducerId is null ? $"{orderId}:{p.LineNo}" : $"{orderId}:{p.LineNo}:{p.ProducerId}";
                return new TradeReversal($"{original}:aftersales", original, p.AmountFen, $"售后退款 {refund.Reference}");
            })
            .ToList();

    /// <summary>The sub-order's lines as the refund splits them (the same lines and producers the sale's trade records came from).</summary>
    public static List<RefundLine> RefundLines(IReadOnlyList<OrderLine> lines) =>
        lines.Select(l => new RefundLine(l.LineNo, l.Reserved.AmountFen, l.Reserved.ProducerIds, l.Reserved.PovertyCertified)).ToList();

    public static async Task ReverseQuota(IGrainFactory grains, string orderId, string buyerId, SubOrderState sub, AfterSalesRefund refund)
    {
        var date = sub.CompletedOn ?? throw new InvalidOperationException("Only completed sub-orders reverse quota.");
        var purchaser = await grains.GetGrain<IBuyerGrain>(buyerId).Get();
        if (QuotaAttribution.For(purchaser) is not { } target) return;
        var certified = RefundAllocation.Certified(RefundLines(sub.Lines), refund.AmountFen);
        await grains.GetGrain<IBuyerQuotaGrain>(new BuyerYear(target.UnitId, date.Year).ToString()).RecordRefund(
            new QuotaPurchase($"{orderId}:{sub.CooperativeId}:aftersales", buyerId, target.Channel, certified, refund.AmountFen, date));
    }

    public static async Task PostQuota(IGrainFactory grains, string orderId, string buyerId, SubOrderState sub)
    {
        var date = sub.CompletedOn ?? throw new InvalidOperationException("Only completed sub-orders count toward quotas.");
        var purchaser = await grains.GetGrain<IBuyerGrain>(buyerId).Get();
        if (QuotaAttribution.For(purchaser) is not { } target) return;
        var certified = sub.Lines.Where(l => l.Reserved.PovertyCertified).Sum(l => l.Reserved.AmountFen);
        await grains.GetGrain<IBuyerQuotaGrain>(new BuyerYear(target.UnitId, date.Year).ToString()).RecordPurchase(
            new QuotaPurchase($"{orderId}:{sub.CooperativeId}", buyerId, target.Channel, certified, sub.AmountFen, date));
    }
}
