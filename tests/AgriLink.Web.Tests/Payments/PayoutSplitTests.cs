using AgriLink.Grains.Orders;
using AgriLink.Domain.Orders;
using AgriLink.Payments;
using AgriLink.Storage.Ledger;
using Xunit;

namespace AgriLink.Web.Tests.Payments;

/// <summary>The split rules on their own: exact sums, floors to the payees, the remainder to the cooperative.</summary>
public sealed class PayoutSplitTests
{
    private static PayoutOptions Options(int enterpriseBp, int? collectiveBp, int defaultCollectiveBp = 300) => new()
    {
        CollectiveFeeBasisPoints = defaultCollectiveBp,
        Cooperatives = new(StringComparer.Ordinal)
        {
            ["coop-a"] = new() { Account = "acct_a", EnterpriseId = "ent-x", EnterpriseAccount = "acct_x", EnterpriseBasisPoints = enterpriseBp,
                CollectiveId = "vc-y", CollectiveAccount = "acct_y", CollectiveFeeBasisPoints = collectiveBp },
        },
    };

    [Fact]
    public void PartsAlwaysSumToTheAmountAndThePayeesGetFlooredShares()
    {
        var random = new Random(20260101);
        for (var i = 0; i < 5_000; i++)
        {
            var amount = i < 200 ? i : random.NextInt64(0, 10_000_000_000);
            var enterpriseBp = random.Next(0, 5_001);
            var collectiveBp = random.Next(0, 5_000);
            var shares = PayoutSplit.Split("coop-a", amount, Options(enterpriseBp, collectiveBp));

            Assert.Equal(amount, shares.Sum(s => s.AmountFen));
            Assert.All(shares, s => Assert.True(s.AmountFen >= 0));
            Assert.Equal(amount * enterpriseBp / 10_000, shares.SingleOrDefault(s => s.Role == PayoutRole.Enterprise)?.AmountFen ?? 0);
            Assert.Equal(amount * collectiveBp / 10_000, shares.SingleOrDefault(s => s.Role == PayoutRole.Collective)?.AmountFen ?? 0);
        }
    }

    [Fact]
    public void AWorkedExampleSplitsAsTheCharterSays()
    {
        // ¥333.33 with 15% to the enterprise (4,999.95 → 4,999 fen) and the default 3% fee (999.99 → 999 fen).
        var shares = PayoutSplit.Split("coop-a", 33_333, Options(1500, null));
        Assert.Equal([(PayoutRole.Cooperative, 27_335L), (PayoutRole.Enterprise, 4_999L), (PayoutRole.Collective, 999L)],
            shares.Select(s => (s.Role, s.AmountFen)));
        Assert.Equal(["acct_a", "acct_x", "acct_y"], shares.Select(s => s.Account));
    }

    [Fact]
    public void ACooperativeWithoutPayoutSettingsKeepsEverythingOnThePlatform()
    {
        var share = Assert.Single(PayoutSplit.Split("coop-b", 1_234, Options(1500, 300)));
        Assert.Equal((PayoutRole.Cooperative, "coop-b", (string?)null, 1_234L), (share.Role, share.OwnerId, share.Account, share.AmountFen));
    }

    [Fact]
    public void SharesAboveTheWholeAreAConfigurationError() =>
        Assert.Throws<InvalidOperationException>(() => PayoutSplit.Split("coop-a", 1_000, Options(6_000, 5_000)));

    [Fact]
    public void TheLedgerPaymentBalancesAndARefundOfTheSameSubOrdersUndoesIt()
    {
        var order = new OrderDetails("ord-1", "buyer-1", PaymentMethod.Card, OrderStatus.Paid,
            [Sub("coop-a", 10_001), Sub("coop-b", 5_003)], 15_004, "440103", "addr", null, DateTimeOffset.UnixEpoch, null, "pi_1", []);
        var options = Options(1500, 300);

        var payment = PaymentLedger.Payment("pi_1", order, 15_004, applied: true, options, DateTimeOffset.UnixEpoch);
        var refund = PaymentLedger.Refund("re_1", "ord-1", order.SubOrders, 15_004, options, DateTimeOffset.UnixEpoch);

        Assert.Equal("stripe:pi_1", payment.IdempotencyKey);
        Assert.Equal(15_004, payment.Postings.Single(p => p.Account == LedgerAccounts.StripeClearing).AmountFen);
        Assert.Equal(-(10_001 - 1_500 - 300), payment.Postings.Single(p => p.Account == LedgerAccounts.CooperativeCardSales("coop-a")).AmountFen);
        Assert.Equal(-5_003, payment.Postings.Single(p => p.Account == LedgerAccounts.CooperativeCardSales("coop-b")).AmountFen);
        var net = payment.Postings.Concat(refund.Postings).GroupBy(p => p.Account).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountFen));
        Assert.All(net, n => Assert.Equal(0, n.Value));
    }

    private static SubOrder Sub(string cooperativeId, long amountFen) => new(cooperativeId, OrderStatus.Paid, [], amountFen);
}
