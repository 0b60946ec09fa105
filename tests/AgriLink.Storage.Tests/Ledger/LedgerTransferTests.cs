using AgriLink.Storage.Ledger;
using CsCheck;
using Xunit;

namespace AgriLink.Storage.Tests.Ledger;

/// <summary>What a transfer must be before the ledger will even look at it; no database involved.</summary>
public sealed class LedgerTransferTests
{
    private static readonly DateTimeOffset At = new(2025, 12, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ABalancedTransferKeepsItsPartsAndCopiesThePostings()
    {
        var postings = new List<LedgerPosting> { new("a", 150), new("b", -100), new("c", -50) };

        var transfer = new LedgerTransfer("k", postings, "memo", At);
        postings.Add(new LedgerPosting("d", 1));

        Assert.Equal("k", transfer.IdempotencyKey);
        Assert.Equal("memo", transfer.Memo);
        Assert.Equal(At, transfer.OccurredAt);
        Assert.Equal([new("a", 150), new("b", -100), new LedgerPosting("c", -50)], transfer.Postings);
    }

    [Fact]
    public void AnUnbalancedTransferIsRefusedWithItsImbalance()
    {
        var error = Assert.Throws<UnbalancedTransferException>(() => new LedgerTransfer("k", [new("a", 100), new("b", -99)], "", At));

        Assert.Equal(1, error.ImbalanceFen);
        Assert.Equal("k", error.IdempotencyKey);
        Assert.IsAssignableFrom<ArgumentException>(error);
    }

    [Fact]
    public void LargeAmountsAreSummedExactly()
    {
        const long max = LedgerPosting.MaxAmountFen;
        var many = Enumerable.Repeat(new LedgerPosting("a", max), 10_000).Concat(Enumerable.Repeat(new LedgerPosting("b", -max), 10_000)).ToList();

        Assert.Equal(20_000, new LedgerTransfer("k", many, "", At).Postings.Count);
        Assert.Throws<UnbalancedTransferException>(() => new LedgerTransfer("k", [.. many, new("c", -1)], "", At));
    }

    [Fact]
    public void AnyTransferWhosePostingsDoNotSumToZeroIsRefused()
    {
        Gen.Long[-LedgerPosting.MaxAmountFen, LedgerPosting.MaxAmountFen].Where(a => a != 0).Array[2, 6].Sample(amounts =>
        {
            var postings = amounts.Select((a, n) => new LedgerPosting($"acct{n}", a)).ToList();
            var sum = amounts.Aggregate(Int128.Zero, (s, a) => s + a);
            if (sum == 0)
            {
                Assert.Equal(amounts.Length, new LedgerTransfer("k", postings, "", At).Postings.Count);
            }
            else
            {
                Assert.Equal(sum, Assert.Throws<UnbalancedTransferException>(() => new LedgerTransfer("k", postings, "", At)).ImbalanceFen);
            }
        });
    }

    [Fact]
    public void ATransferNeedsTwoPostings()
    {
        Assert.Throws<ArgumentException>(() => new LedgerTransfer("k", [], "", At));
        Assert.Throws<ArgumentException>(() => new LedgerTransfer("k", [new("a", 1)], "", At));
        Assert.Throws<ArgumentException>(() => new LedgerTransfer("k", [new("a", 1), null!], "", At));
        Assert.Throws<ArgumentNullException>(() => new LedgerTransfer("k", null!, "", At));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ATransferNeedsAKey(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => new LedgerTransfer(key, [new("a", 1), new("b", -1)], "", At));
    }

    [Fact]
    public void KeysAccountsAndMemosHaveLengthLimits()
    {
        LedgerPosting[] balanced = [new("a", 1), new("b", -1)];

        Assert.NotNull(new LedgerTransfer(new string('k', 200), balanced, new string('m', 1000), At));
        Assert.Throws<ArgumentException>(() => new LedgerTransfer(new string('k', 201), balanced, "", At));
        Assert.Throws<ArgumentException>(() => new LedgerTransfer("k", balanced, new string('m', 1001), At));
        Assert.Throws<ArgumentNullException>(() => new LedgerTransfer("k", balanced, null!, At));
        Assert.Equal(200, new LedgerPosting(new string('a', 200), 1).Account.Length);
        Assert.Throws<ArgumentException>(() => new LedgerPosting(new string('a', 201), 1));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData(" ", 1)]
    [InlineData("a", 0)]
    [InlineData("a", LedgerPosting.MaxAmountFen + 1)]
    [InlineData("a", -LedgerPosting.MaxAmountFen - 1)]
    [InlineData("a", long.MinValue)]
    public void APostingNeedsAnAccountAndANonZeroAmountInRange(string account, long amountFen)
    {
        Assert.ThrowsAny<ArgumentException>(() => new LedgerPosting(account, amountFen));
    }

    [Fact]
    public void SamePostingsMeansTheSameMoneyInAnyOrder()
    {
        var transfer = new LedgerTransfer("k", [new("a", 5), new("a", 5), new("b", -10)], "", At);

        Assert.True(transfer.HasSamePostingsAs([new("b", -10), new("a", 5), new("a", 5)]));
        Assert.False(transfer.HasSamePostingsAs([new("a", 10), new("b", -10)]));
        Assert.False(transfer.HasSamePostingsAs([new("A", 5), new("a", 5), new("b", -10)]));
    }

    [Fact]
    public void AccountNamesFollowOneShape()
    {
        Assert.Equal("coop:coop-1:dividends-payable", LedgerAccounts.CooperativeDividendsPayable("coop-1"));
        Assert.Equal("coop:coop-1:surplus", LedgerAccounts.CooperativeSurplus("coop-1"));
        Assert.Equal("coop:coop-1:reserve-fund", LedgerAccounts.CooperativeReserveFund("coop-1"));
        Assert.Equal("coop:coop-1:welfare-fund", LedgerAccounts.CooperativeWelfareFund("coop-1"));
        Assert.Equal("holder:hh-1:dividends", LedgerAccounts.ShareholderDividends("hh-1"));
        Assert.Equal("fund:f-1:dividends", LedgerAccounts.FundDividends("f-1"));
        Assert.Equal("collective:vc-1:fees", LedgerAccounts.VillageCollectiveFees("vc-1"));
        Assert.StartsWith(LedgerAccounts.CooperativePrefix("coop-1"), LedgerAccounts.CooperativeSurplus("coop-1"), StringComparison.Ordinal);
        Assert.StartsWith(LedgerAccounts.ShareholderPrefixAll, LedgerAccounts.ShareholderPrefix("hh-1"), StringComparison.Ordinal);
        Assert.StartsWith(LedgerAccounts.FundPrefix("f-1"), LedgerAccounts.FundDividends("f-1"), StringComparison.Ordinal);
        Assert.StartsWith(LedgerAccounts.VillageCollectivePrefix("vc-1"), LedgerAccounts.VillageCollectiveFees("vc-1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("coop:1")]
    [InlineData("coop 1")]
    public void AccountIdsCannotBreakTheShape(string id)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => LedgerAccounts.CooperativeSurplus(id));

        Assert.Equal("cooperativeId", error.ParamName);
    }
}
