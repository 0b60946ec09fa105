using AgriLink.Domain.Quantities;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.Quantities;

public class QuantityTests
{
    private static readonly Gen<Unit> Units = Gen.OneOf(Enum.GetValues<Unit>());
    private static readonly Gen<Unit> MassUnits = Gen.OneOf(Unit.Gram, Unit.Jin, Unit.Kilogram, Unit.Tonne);

    [Theory]
    [InlineData("2.5公斤", 2500, Unit.Kilogram)]
    [InlineData("500 斤", 500_000, Unit.Jin)]
    [InlineData("3箱", 3000, Unit.Box)]
    [InlineData(" 1.2 kg ", 1200, Unit.Kilogram)]
    [InlineData("0.005斤", 5, Unit.Jin)]
    [InlineData("2t", 2000, Unit.Tonne)]
    [InlineData("-1.5克", -1500, Unit.Gram)]
    public void AmountFollowedByUnitIsRead(string text, long milli, Unit unit)
    {
        Assert.True(Quantity.TryParse(text, out var quantity));
        Assert.Equal(new Quantity(milli, unit), quantity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2.5")]
    [InlineData("公斤")]
    [InlineData("2.5 磅")]
    [InlineData("1.2345斤")]
    [InlineData("2..5斤")]
    [InlineData(".5斤")]
    [InlineData("1,000斤")]
    [InlineData("99999999999999999999斤")]
    public void MalformedQuantitiesAreRejected(string? text) => Assert.False(Quantity.TryParse(text, out _));

    [Theory]
    [InlineData(2500, Unit.Kilogram, "2.5公斤")]
    [InlineData(3000, Unit.Box, "3箱")]
    [InlineData(5, Unit.Jin, "0.005斤")]
    [InlineData(-1500, Unit.Gram, "-1.5克")]
    [InlineData(0, Unit.Head, "0只")]
    public void QuantityIsShownWithoutTrailingZeros(long milli, Unit unit, string text) =>
        Assert.Equal(text, new Quantity(milli, unit).ToString());

    [Fact]
    public void ShownQuantityParsesBack() =>
        Gen.Select(Gen.Long, Units).Sample((milli, unit) =>
        {
            var quantity = new Quantity(milli, unit);
            Assert.True(Quantity.TryParse(quantity.ToString(), out var parsed));
            Assert.Equal(quantity, parsed);
        });

    [Fact]
    public void OfTakesUpToThreeDecimals()
    {
        Assert.Equal(new Quantity(2500, Unit.Kilogram), Quantity.Of(2.5m, Unit.Kilogram));
        Assert.Equal(2.5m, Quantity.Of(2.5m, Unit.Kilogram).Amount);
        Assert.Throws<ArgumentException>(() => Quantity.Of(1.2345m, Unit.Jin));
    }

    [Fact]
    public void OneTonneIsExactlyTwoThousandJin()
    {
        Assert.True(Quantity.Of(1, Unit.Tonne).TryConvertTo(Unit.Jin, out var jin));
        Assert.Equal(Quantity.Of(2000, Unit.Jin), jin);
    }

    [Fact]
    public void OneJinIsHalfAKilogram()
    {
        Assert.True(Quantity.Of(1, Unit.Jin).TryConvertTo(Unit.Kilogram, out var kilograms));
        Assert.Equal(0.5m, kilograms.Amount);
    }

    [Fact]
    public void ConversionFailsWhenNotExactOrNotMass()
    {
        Assert.True(Quantity.Of(1, Unit.Gram).TryConvertTo(Unit.Jin, out var jin));
        Assert.Equal(0.002m, jin.Amount);
        Assert.False(Quantity.Of(0.001m, Unit.Gram).TryConvertTo(Unit.Jin, out _));
        Assert.False(Quantity.Of(1, Unit.Box).TryConvertTo(Unit.Jin, out _));
        Assert.False(Quantity.Of(1, Unit.Jin).TryConvertTo(Unit.Piece, out _));
        Assert.False(new Quantity(long.MaxValue, Unit.Tonne).TryConvertTo(Unit.Gram, out _));
    }

    [Fact]
    public void ConvertingToTheSameUnitKeepsTheQuantity() =>
        Gen.Select(Gen.Long, Units).Sample((milli, unit) =>
        {
            Assert.True(new Quantity(milli, unit).TryConvertTo(unit, out var same));
            Assert.Equal(new Quantity(milli, unit), same);
        });

    [Fact]
    public void ExactConversionRoundTrips() =>
        Gen.Select(Gen.Long[-1_000_000_000_000, 1_000_000_000_000], MassUnits, MassUnits).Sample((milli, from, to) =>
        {
            var quantity = new Quantity(milli, from);
            if (!quantity.TryConvertTo(to, out var converted)) return;
            Assert.True(converted.TryConvertTo(from, out var back));
            Assert.Equal(quantity, back);
        });

    [Fact]
    public void SameUnitsAddAndCompare()
    {
        var a = Quantity.Of(2.5m, Unit.Jin);
        var b = Quantity.Of(1, Unit.Jin);
        Assert.Equal(Quantity.Of(3.5m, Unit.Jin), a + b);
        Assert.Equal(Quantity.Of(1.5m, Unit.Jin), a - b);
        Assert.True(a > b);
        Assert.True(b <= a);
        Assert.Equal(1, a.CompareTo(b));
    }

    [Fact]
    public void DifferentUnitsDoNotMix()
    {
        var jin = Quantity.Of(1, Unit.Jin);
        var kilogram = Quantity.Of(1, Unit.Kilogram);
        Assert.Throws<ArgumentException>(() => jin + kilogram);
        Assert.Throws<ArgumentException>(() => jin - kilogram);
        Assert.Throws<ArgumentException>(() => jin.CompareTo(kilogram));
    }

    [Fact]
    public void OverflowThrows() =>
        Assert.Throws<OverflowException>(() => new Quantity(long.MaxValue, Unit.Jin) + Quantity.Of(0.001m, Unit.Jin));
}
