using AgriLink.Domain.Disclosure;
using Xunit;

namespace AgriLink.Domain.Tests.Disclosure;

/// <summary>The notice's check code: the same figures give the same code in any order; any fen or line changed changes it.</summary>
public sealed class NoticeDigestTests
{
    private static readonly (string, long, long)[] Plan = [("h-pz-0001", 123_456, 0), ("h-pz-0002", 98_000, 1_500), ("vc-sp", 50_000, 0)];

    private static readonly long[] Figures = [1_000_000, 0, 1000, 100_000, 500, 50_000, 850_000, 6000, 510_000, 100_000, 240_000, 850_000, 3];

    private static string Code((string, long, long)[] lines, long[]? figures = null, string cooperative = "coop-pzcili", int year = 2025) =>
        NoticeDigest.CheckCode(cooperative, year, figures ?? Figures, NoticeDigest.Lines(lines));

    [Fact]
    public void TheCodeIsFourGroupsOfHexAndTheSameForTheSameFiguresInAnyOrder()
    {
        var code = Code(Plan);
        Assert.Matches("^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$", code);
        Assert.Equal(code, Code([.. Plan.Reverse()]));
    }

    [Fact]
    public void OneFenOnOneLineChangesTheCode()
    {
        Assert.NotEqual(Code(Plan), Code([Plan[0], ("h-pz-0002", 98_001, 1_500), Plan[2]]));
        Assert.NotEqual(Code(Plan), Code([Plan[0], ("h-pz-0002", 98_000, 1_499), Plan[2]]));
    }

    [Fact]
    public void ALineMoreOrLessOrToSomeoneElseChangesTheCode()
    {
        Assert.NotEqual(Code(Plan), Code(Plan[..2]));
        Assert.NotEqual(Code(Plan), Code([.. Plan, ("h-pz-0003", 0, 0)]));
        Assert.NotEqual(Code(Plan), Code([Plan[0], ("h-pz-0009", 98_000, 1_500), Plan[2]]));
    }

    [Fact]
    public void AnotherTotalYearOrCooperativeChangesTheCode()
    {
        var figures = (long[])Figures.Clone();
        figures[3] += 1;
        Assert.NotEqual(Code(Plan), Code(Plan, figures));
        Assert.NotEqual(Code(Plan), Code(Plan, year: 2024));
        Assert.NotEqual(Code(Plan), Code(Plan, cooperative: "coop-other"));
    }

    [Fact]
    public void FieldsCannotRunIntoEachOther()
    {
        // "h-1" paid 23 and "h-12" paid 3 must not read alike.
        Assert.NotEqual(NoticeDigest.Lines([("h-1", 23, 0)]), NoticeDigest.Lines([("h-12", 3, 0)]));
    }
}
