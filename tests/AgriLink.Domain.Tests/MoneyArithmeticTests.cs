using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests;

public class MoneyArithmeticTests
{
    private static readonly Gen<long> Moderate = Gen.Long[-1_000_000_000_000_000, 1_000_000_000_000_000];

    [Fact]
    public void AddingThenSubtractingRestoresTheAmount() =>
        Gen.Select(Moderate, Moderate).Sample((a, b) =>
            Assert.Equal(Money.FromFen(a), Money.FromFen(a) + Money.FromFen(b) - Money.FromFen(b)));

    [Fact]
    public void MultiplyingRepeatsAddition() =>
        Gen.Select(Moderate, Gen.Long[0, 100]).Sample((fen, n) =>
        {
            var money = Money.FromFen(fen);
            Assert.Equal(Money.Sum(Enumerable.Repeat(money, (int)n)), money * n);
            Assert.Equal(money * n, n * money);
        });

    [Fact]
    public void ComparisonFollowsFen() =>
        Gen.Select(Gen.Long, Gen.Long).Sample((a, b) =>
        {
            var (x, y) = (Money.FromFen(a), Money.FromFen(b));
            Assert.Equal(a.CompareTo(b), x.CompareTo(y));
            Assert.Equal(a < b, x < y);
            Assert.Equal(a <= b, x <= y);
            Assert.Equal(a > b, x > y);
            Assert.Equal(a >= b, x >= y);
        });

    [Fact]
    public void OverflowThrowsInsteadOfWrapping()
    {
        var max = Money.FromFen(long.MaxValue);
        var min = Money.FromFen(long.MinValue);
        Assert.Throws<OverflowException>(() => max + Money.FromFen(1));
        Assert.Throws<OverflowException>(() => min - Money.FromFen(1));
        Assert.Throws<OverflowException>(() => -min);
        Assert.Throws<OverflowException>(() => max * 2);
        Assert.Throws<OverflowException>(() => Money.Sum([max, Money.FromFen(1)]));
    }

    [Fact]
    public void SumOfNothingIsZero() => Assert.Equal(Money.Zero, Money.Sum([]));
}
