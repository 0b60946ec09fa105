using AgriLink.Domain.Quantities;
using Xunit;

namespace AgriLink.Domain.Tests.Quantities;

public class UnitsTests
{
    [Theory]
    [InlineData("斤", Unit.Jin)]
    [InlineData("公斤", Unit.Kilogram)]
    [InlineData("千克", Unit.Kilogram)]
    [InlineData("kg", Unit.Kilogram)]
    [InlineData("KG", Unit.Kilogram)]
    [InlineData("吨", Unit.Tonne)]
    [InlineData("t", Unit.Tonne)]
    [InlineData("克", Unit.Gram)]
    [InlineData("g", Unit.Gram)]
    [InlineData("箱", Unit.Box)]
    [InlineData("件", Unit.Piece)]
    [InlineData("袋", Unit.Bag)]
    [InlineData("瓶", Unit.Bottle)]
    [InlineData("盒", Unit.Carton)]
    [InlineData("只", Unit.Head)]
    [InlineData(" jin ", Unit.Jin)]
    [InlineData("HEAD", Unit.Head)]
    public void UnitsAreReadByChineseNameSymbolOrEnumName(string text, Unit unit)
    {
        Assert.True(Units.TryParse(text, out var parsed));
        Assert.Equal(unit, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("磅")]
    [InlineData("kgs")]
    public void UnknownUnitsAreRejected(string? text) => Assert.False(Units.TryParse(text, out _));

    [Fact]
    public void EveryUnitHasAChineseNameThatReadsBack() =>
        Assert.All(Enum.GetValues<Unit>(), unit =>
        {
            Assert.True(Units.TryParse(Units.ChineseName(unit), out var parsed));
            Assert.Equal(unit, parsed);
        });

    [Fact]
    public void OnlyMassUnitsHaveGrams()
    {
        Assert.Equal(500, Units.GramsPer(Unit.Jin));
        Assert.Equal(1_000, Units.GramsPer(Unit.Kilogram));
        Assert.Equal(1_000_000, Units.GramsPer(Unit.Tonne));
        Assert.Equal(1, Units.GramsPer(Unit.Gram));
        Assert.Equal([Unit.Gram, Unit.Jin, Unit.Kilogram, Unit.Tonne], Enum.GetValues<Unit>().Where(Units.IsMass));
        Assert.Throws<ArgumentException>(() => Units.GramsPer(Unit.Box));
    }

    [Fact]
    public void UndefinedUnitIsNotNamed()
    {
        Assert.False(Units.IsMass(default));
        Assert.Throws<ArgumentOutOfRangeException>(() => Units.ChineseName(default));
    }
}
