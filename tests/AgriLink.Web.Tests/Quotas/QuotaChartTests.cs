using AgriLink.Grains.Quotas;
using AgriLink.Web.Charts;
using Xunit;

namespace AgriLink.Web.Tests.Quotas;

public sealed class QuotaChartTests
{
    private static QuotaProgress Progress(long quota, long own, long union, long employee) =>
        new("buyer-x", 2026, true, quota * 10_000 / 3_000, 3_000, quota, own + union + employee, Math.Max(quota - own - union - employee, 0),
            own, union, employee, 0, 3);

    [Fact]
    public void SegmentsStackOwnUnionEmployeeOnTheQuotasScale()
    {
        var chart = QuotaChart.Of(Progress(quota: 1_000_000, own: 250_000, union: 100_000, employee: 50_000));

        Assert.Equal(QuotaChart.Width, chart.QuotaWidth);
        Assert.Equal(["own", "union", "employee"], chart.Counted.Select(s => s.Channel));
        Assert.Equal([0, 60, 84], chart.Counted.Select(s => s.X));
        Assert.Equal([60, 24, 12], chart.Counted.Select(s => s.Width));
        Assert.Equal(96, chart.CountedWidth);
    }

    [Fact]
    public void AnExceededQuotaStillFitsAndShowsWhereTheQuotaEnds()
    {
        var chart = QuotaChart.Of(Progress(quota: 1_000_000, own: 2_000_000, union: 0, employee: 0));

        Assert.Equal(QuotaChart.Width, chart.CountedWidth);
        Assert.Equal(QuotaChart.Width / 2, chart.QuotaWidth);
    }

    [Fact]
    public void NothingDeclaredDrawsEmptyBars()
    {
        var chart = QuotaChart.Of(Progress(quota: 0, own: 0, union: 0, employee: 0));

        Assert.Equal(0, chart.QuotaWidth);
        Assert.All(chart.Counted, s => Assert.Equal(0, s.Width));
    }

    /// <summary>A year with its quota, and certified purchases (fen) in the given months.</summary>
    private static QuotaProgress WithMonths(long quota, params (int Month, long Fen)[] purchases)
    {
        var cumulative = 0L;
        var months = Enumerable.Range(1, 12).Select(m =>
        {
            var fen = purchases.Where(p => p.Month == m).Sum(p => p.Fen);
            cumulative += fen;
            return new QuotaMonth(m, fen, 0, 0, fen > 0 ? 1 : 0, cumulative);
        }).ToList();
        return Progress(quota, cumulative, 0, 0) with { Declared = quota > 0, Months = months };
    }

    [Fact]
    public void MonthsShowBarsAndTheCumulativeLineOnTheQuotasScaleUpToTheCurrentMonth()
    {
        // ¥2,000 in February and ¥3,000 in April against a ¥10,000 quota, in May.
        var progress = WithMonths(1_000_000, (2, 200_000), (4, 300_000));
        var chart = QuotaMonthsChart.Of(progress, throughMonth: 5);

        Assert.Equal(1_000_000, chart.Scale);
        Assert.Equal(QuotaMonthsChart.Top, chart.QuotaY);
        Assert.Equal([1, 2, 3, 4, 5], chart.Shown.Select(c => c.Month.Month));
        Assert.Equal([0, 29.2, 0, 43.8, 0], chart.Shown.Select(c => c.BarHeight));
        Assert.All(chart.Shown, c => Assert.Equal(QuotaMonthsChart.Bottom, c.BarY + c.BarHeight, 2));
        Assert.Equal([170, 140.8, 140.8, 97, 97], chart.Shown.Select(c => c.PointY));
        Assert.Equal("10,170 38.33,170 66.67,140.8 95,140.8 123.33,97 151.67,97", chart.LinePoints);
        Assert.Equal(5, chart.Latest!.Month);
        Assert.Equal("50.00%", QuotaMonthsChart.OfQuota(chart.Latest.CumulativeFen, progress));
    }

    [Fact]
    public void AnExceededQuotaScalesToTheYearsTotalAndItsLineSitsBelowTheTop()
    {
        var chart = QuotaMonthsChart.Of(WithMonths(100_000, (1, 150_000), (3, 50_000)), throughMonth: 12);

        Assert.Equal(200_000, chart.Scale);
        Assert.Equal(QuotaMonthsChart.Bottom - QuotaMonthsChart.PlotHeight / 2, chart.QuotaY);
        Assert.Equal(QuotaMonthsChart.Top, chart.Columns[^1].PointY);
        Assert.Equal(12, chart.Shown.Count());
    }

    [Fact]
    public void AYearNotYetBegunOrUndeclaredDrawsNoLineAndNoQuota()
    {
        var undeclared = WithMonths(0, (6, 10_000));
        var notBegun = QuotaMonthsChart.Of(WithMonths(1_000_000), throughMonth: 0);
        var older = QuotaMonthsChart.Of(Progress(1_000_000, 5_000, 0, 0), throughMonth: 3); // months unknown to the caller

        Assert.Null(QuotaMonthsChart.Of(undeclared, 12).QuotaY);
        Assert.Equal("—", QuotaMonthsChart.OfQuota(10_000, undeclared));
        Assert.Equal("", notBegun.LinePoints);
        Assert.Null(notBegun.Latest);
        Assert.Empty(notBegun.Shown);
        Assert.All(older.Columns, c => Assert.Equal((0, QuotaMonthsChart.Bottom), (c.BarHeight, c.PointY)));
    }

    [Theory]
    [InlineData(2025, 12)]
    [InlineData(2026, 6)]
    [InlineData(2027, 0)]
    public void MonthsThroughTodayForPastCurrentAndNextYears(int year, int months) =>
        Assert.Equal(months, QuotaMonthsChart.MonthsThrough(year, new DateOnly(2026, 6, 16)));

    [Theory]
    [InlineData(0, "0.00%")]
    [InlineData(108, "1.08%")]
    [InlineData(3000, "30.00%")]
    [InlineData(12345, "123.45%")]
    public void PercentShowsBasisPointsWithTwoDecimals(int basisPoints, string expected) =>
        Assert.Equal(expected, QuotaChart.Percent(basisPoints));
}
