using System.Globalization;
using AgriLink.Domain.Quotas;
using AgriLink.Grains.Quotas;

namespace AgriLink.Web.Charts;

/// <summary>
/// The geometry of the month-by-month quota chart: for each month shown, a bar of the month's own certified purchases
/// and a point of the cumulative line (the running total through the month's end, drawn at its right edge from zero on
/// 1 January), against a horizontal quota line. One vertical scale (the larger of the quota and the year's cumulative
/// total) serves bars, line and quota. Months after <see cref="ThroughMonth"/> (still to come) have no bar or point.
/// </summary>
public sealed record QuotaMonthsChart(int ThroughMonth, double Scale, double? QuotaY, IReadOnlyList<QuotaMonthsChart.Column> Columns)
{
    /// <summary>The drawing area, in SVG user units (the view box is <see cref="ViewWidth"/> × <see cref="ViewHeight"/>).</summary>
    public const double Left = 10, Top = 24, PlotWidth = 340, PlotHeight = 146, ViewWidth = 360, ViewHeight = 214;

    public const double Step = PlotWidth / 12;

    public static double Bottom => Top + PlotHeight;

    /// <summary>One month's column: <see cref="X"/> is its left edge, the bar is centred in it, the point at its right edge.</summary>
    public sealed record Column(QuotaMonth Month, bool Shown, double X, double BarX, double BarWidth, double BarY, double BarHeight,
        double PointX, double PointY);

    /// <summary>How many months of <paramref name="year"/> have begun on <paramref name="today"/> (China date): 12 for a past year, 0 for a later one.</summary>
    public static int MonthsThrough(int year, DateOnly today) => year < today.Year ? 12 : year == today.Year ? today.Month : 0;

    public static QuotaMonthsChart Of(QuotaProgress progress, int throughMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(throughMonth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(throughMonth, 12);
        var months = progress.Months is { Count: 12 } known ? known
            : Enumerable.Range(1, 12).Select(m => new QuotaMonth(m, 0, 0, 0, 0, 0)).ToList();
        var scale = (double)Math.Max(Math.Max(progress.QuotaFen, months[^1].CumulativeFen), 1);
        var barWidth = Math.Round(Step * 0.6, 2);
        var columns = months.Select(m =>
        {
            var x = Left + Step * (m.Month - 1);
            var barHeight = Round(PlotHeight * m.CountedFen / scale);
            return new Column(m, m.Month <= throughMonth, Round(x), Round(x + (Step - barWidth) / 2), barWidth,
                Round(Bottom - barHeight), barHeight, Round(x + Step), Y(m.CumulativeFen, scale));
        }).ToList();
        return new QuotaMonthsChart(throughMonth, scale, progress.Declared ? Y(progress.QuotaFen, scale) : null, columns);
    }

    /// <summary>The months shown (January through <see cref="ThroughMonth"/>).</summary>
    public IEnumerable<Column> Shown => Columns.Where(c => c.Shown);

    /// <summary>The cumulative line's points (SVG <c>polyline</c>), from zero at the start of January; empty before January.</summary>
    public string LinePoints => ThroughMonth == 0 ? ""
        : string.Join(" ", Shown.Select(c => (c.PointX, c.PointY)).Prepend((Left, Bottom))
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Item1},{p.Item2}")));

    /// <summary>The last month shown, or null before January.</summary>
    public QuotaMonth? Latest => ThroughMonth == 0 ? null : Columns[ThroughMonth - 1].Month;

    /// <summary>The cumulative total against the quota, as a percentage ("—" while nothing is declared).</summary>
    public static string OfQuota(long cumulativeFen, QuotaProgress progress) =>
        progress.Declared ? QuotaChart.Percent(Quota.BasisPointsOf(cumulativeFen, progress.QuotaFen)) : "—";

    /// <summary>The month's short name in the page's language: 1月 / Jan.</summary>
    public static string MonthName(int month) =>
        CultureInfo.CurrentUICulture.DateTimeFormat.GetAbbreviatedMonthName(month);

    private static double Y(long fen, double scale) => Round(Bottom - PlotHeight * fen / scale);

    private static double Round(double value) => Math.Round(value, 2);
}
