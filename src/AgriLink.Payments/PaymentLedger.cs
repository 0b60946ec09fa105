using AgriLink.Grains.Orders;
using AgriLink.Storage.Ledger;

namespace AgriLink.Payments;

/// <summary>
/// The ledger side of card payments: a payment moves the money from Stripe's clearing account to each sub-order's
/// cooperative, enterprise and collective shares (split as for payouts); a refund moves its amount back.
/// </summary>
public static class PaymentLedger
{
    public static LedgerTransfer Payment(string paymentIntentId, OrderDetails order, long amountFen, bool applied, PayoutOptions payouts, DateTimeOffset at)
    {
        var postings = new List<LedgerPosting> { new(LedgerAccounts.StripeClearing, amountFen) };
        postings.AddRange(applied
            ? Shares(order.SubOrders, amountFen, payouts).Select(s => new LedgerPosting(s.Account, -s.AmountFen))
            : [new LedgerPosting(LedgerAccounts.StripeUnapplied, -amountFen)]);
        return new LedgerTransfer(IdempotencyKeys.LedgerPayment(paymentIntentId), postings, $"Card payment of order {order.Id}", at);
    }

    /// <summary>A refund of the <paramref name="refunded"/> sub-orders (empty: of money the order never took).</summary>
    public static LedgerTransfer Refund(string refundId, string orderId, IReadOnlyList<SubOrder> refunded, long amountFen, PayoutOptions payouts, DateTimeOffset at)
    {
        var postings = new List<LedgerPosting> { new(LedgerAccounts.StripeClearing, -amountFen) };
        postings.AddRange(refunded.Count > 0
            ? Shares(refunded, amountFen, payouts).Select(s => new LedgerPosting(s.Account, s.AmountFen))
            : [new LedgerPosting(LedgerAccounts.StripeUnapplied, amountFen)]);
        return new LedgerTransfer(IdempotencyKeys.LedgerRefund(refundId), postings, $"Card refund of order {orderId}", at);
    }

    /// <summary>Allocates the amount over the sub-orders by their amounts, splits each part, and sums per ledger account.</summary>
    private static IEnumerable<(string Account, long AmountFen)> Shares(IReadOnlyList<SubOrder> subOrders, long amountFen, PayoutOptions payouts)
    {
        var parts = Domain.Money.Allocate(Domain.Money.FromFen(amountFen), subOrders.Select(s => Math.Max(s.AmountFen, 0)).ToList());
        return subOrders
            .SelectMany((s, i) => PayoutSplit.Split(s.CooperativeId, parts[i].Fen, payouts))
            .GroupBy(AccountOf, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(s => s.AmountFen)))
            .Where(p => p.Item2 != 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal);
    }

    private static string AccountOf(PayoutShare share) => share.Role switch
    {
        PayoutRole.Cooperative => LedgerAccounts.CooperativeCardSales(share.OwnerId),
        PayoutRole.Enterprise => LedgerAccounts.EnterpriseCardShare(share.OwnerId),
        _ => LedgerAccounts.VillageCollectiveCardFees(share.OwnerId),
    };
}
