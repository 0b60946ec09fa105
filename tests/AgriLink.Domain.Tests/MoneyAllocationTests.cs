using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests;

public class MoneyAllocationTests
{
    private static readonly Gen<long[]> Weights =
        Gen.OneOf(Gen.Long[0, 3].Array[1, 20], Gen.Long[0, 1_000].Array[1, 20], Gen.Long[0, long.MaxValue].Array[1, 20])
            .Where(ws => ws.Any(w => w > 0));

    private static readonly Gen<(long Total, long[] Weights)> Cases = Gen.Select(Gen.Long, Weights);

    [Fact]
    public void AllocatedPartsSumToTotal() =>
        Cases.Sample((total, weights) =>
            Assert.Equal(Money.FromFen(total), Money.Sum(Money.Allocate(Money.FromFen(total), weights))));

    [Fact]
    public void EachPartIsWithinOneFenOfItsExactShare() =>
        Cases.Sample((total, weights) =>
        {
            var parts = Money.Allocate(Money.FromFen(total), weights);
            Int128 weightSum = 0;
            foreach (var w in weights) weightSum += w;
            for (var i = 0; i < parts.Length; i++)
            {
                // |part − total·w/W| < 1 fen, kept in integers.
                var error = Int128.Abs((Int128)parts[i].Fen * weightSum - (Int128)total * weights[i]);
                Assert.True(error < weightSum, $"part {i} is {parts[i].Fen} fen");
            }
        });

    [Fact]
    public void LargerWeightNeverGetsLess() =>
        Cases.Sample((total, weights) =>
        {
            var parts = Money.Allocate(Money.FromFen(total), weights);
            for (var i = 0; i < weights.Length; i++)
            for (var j = 0; j < weights.Length; j++)
                if (weights[i] > weights[j] || (weights[i] == weights[j] && i < j))
                    Assert.True(Int128.Abs(parts[i].Fen) >= Int128.Abs(parts[j].Fen), $"weight {i} got less than weight {j}");
        });

    [Fact]
    public void ZeroWeightGetsNothing() =>
        Cases.Sample((total, weights) =>
        {
            var parts = Money.Allocate(Money.FromFen(total), weights);
            for (var i = 0; i < weights.Length; i++)
                if (weights[i] == 0) Assert.Equal(Money.Zero, parts[i]);
        });

    [Fact]
    public void NegativeTotalIsSplitLikeItsMagnitude() =>
        Gen.Select(Gen.Long[long.MinValue + 1, long.MaxValue], Weights).Sample((total, weights) =>
            Assert.Equal(
                Money.Allocate(Money.FromFen(total), weights).Select(p => -p),
                Money.Allocate(Money.FromFen(-total), weights)));

    [Fact]
    public void LeftoverFenGoToLowerIndexOnTies()
    {
        Assert.Equal([Money.FromFen(3334), Money.FromFen(3333), Money.FromFen(3333)],
            Money.Allocate(Money.FromYuan(100), [1, 1, 1]));
        Assert.Equal([Money.FromFen(1), Money.FromFen(1), Money.FromFen(0)],
            Money.Allocate(Money.FromFen(2), [5, 5, 5]));
        Assert.Equal([Money.FromFen(-1), Money.FromFen(-1), Money.FromFen(0)],
            Money.Allocate(Money.FromFen(-2), [5, 5, 5]));
    }

    [Fact]
    public void LeftoverFenGoToLargestRemainderFirst() =>
        // Exact shares 0.2, 0.3, 0.5 fen: the single fen goes to the last, whose remainder is largest.
        Assert.Equal([Money.Zero, Money.Zero, Money.FromFen(1)], Money.Allocate(Money.FromFen(1), [2, 3, 5]));

    [Fact]
    public void AllocationIsDeterministic() =>
        Cases.Sample((total, weights) =>
            Assert.Equal(Money.Allocate(Money.FromFen(total), weights), Money.Allocate(Money.FromFen(total), weights)));

    [Fact]
    public void ExtremeTotalsAndWeightsDoNotOverflow()
    {
        Assert.Equal([Money.FromFen(long.MinValue)], Money.Allocate(Money.FromFen(long.MinValue), [long.MaxValue]));
        var parts = Money.Allocate(Money.FromFen(long.MaxValue), [long.MaxValue, long.MaxValue, 1]);
        Assert.Equal(Money.FromFen(long.MaxValue), Money.Sum(parts));
        // Exact shares are about M/2 − 0.25, M/2 − 0.25 and 0.5 fen, so the leftover fen goes last.
        Assert.Equal([long.MaxValue / 2, long.MaxValue / 2, 1], parts.Select(p => p.Fen));
    }

    [Theory]
    [InlineData(new long[0])]
    [InlineData(new long[] { 0, 0 })]
    [InlineData(new long[] { 3, -1 })]
    public void WeightsMustBeNonNegativeWithPositiveSum(long[] weights) =>
        Assert.Throws<ArgumentException>(() => Money.Allocate(Money.FromFen(100), weights));
}
