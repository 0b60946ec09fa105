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

    [Theory]
    [InlineData(0, "0.00%")]
    [InlineData(108, "1.08%")]
    [InlineData(3000, "30.00%")]
    [InlineData(12345, "123.45%")]
    public void PercentShowsBasisPointsWithTwoDecimals(int basisPoints, string expected) =>
        Assert.Equal(expected, QuotaChart.Percent(basisPoints));
}
