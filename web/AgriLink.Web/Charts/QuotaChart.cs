using AgriLink.Grains.Quotas;

namespace AgriLink.Web.Charts;

/// <summary>
/// The geometry of the quota progress chart: two bars on one scale (the quota; the certified purchases stacked by
/// channel) in a <see cref="Width"/>-wide drawing area. The scale is the larger of the two, so an exceeded quota still fits.
/// </summary>
public sealed record QuotaChart(double Scale, IReadOnlyList<QuotaChart.Segment> Counted, double QuotaWidth)
{
    /// <summary>The drawing area of a bar, in SVG user units.</summary>
    public const double Width = 240;

    /// <summary>One channel's part of the counted bar: where it starts and how wide it is.</summary>
    public sealed record Segment(string Channel, string Label, long Fen, double X, double Width);

    public static QuotaChart Of(QuotaProgress progress)
    {
        var scale = Math.Max(Math.Max(progress.QuotaFen, progress.CountedFen), 1);
        var segments = new List<Segment>();
        var x = 0d;
        foreach (var (channel, label, fen) in new[]
                 {
                     ("own", "单位自购", progress.OwnFen),
                     ("union", "工会采购", progress.UnionFen),
                     ("employee", "职工个人采购", progress.EmployeeFen),
                 })
        {
            var width = Width * fen / scale;
            segments.Add(new Segment(channel, label, fen, Math.Round(x, 2), Math.Round(width, 2)));
            x += width;
        }
        return new QuotaChart(scale, segments, Math.Round(Width * progress.QuotaFen / scale, 2));
    }

    /// <summary>Where the counted bar ends.</summary>
    public double CountedWidth => Math.Round(Counted.Sum(s => s.Width), 2);

    /// <summary>Basis points as a percentage with two decimals (1234 → 12.34%).</summary>
    public static string Percent(int basisPoints) =>
        (basisPoints / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
