namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// A horizontal bar chart drawn as inline SVG by <c>_BarChart.cshtml</c>: one bar per row, stacked by series, an
/// optional target marker, and <see cref="ChartBar.Data"/> written as <c>data-*</c> attributes so tests and scripts
/// can read the exact figures. The table beside each chart carries the same figures for screen readers.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartBar> Bars)
{
    public const int Width = 360, LabelWidth = 96, BarArea = 170, RowHeight = 28, LegendHeight = 24;

    public long Max => Bars.Count == 0 ? 0 : Bars.Max(b => Math.Max(b.Values.Sum(), b.Target ?? 0));

    public int Height => LegendHeight + Bars.Count * RowHeight + 6;

    /// <summary>Pixels for an amount, never wider than the bar area.</summary>
    public int Scale(long value) => Max <= 0 || value <= 0 ? 0 : (int)Math.Round((double)BarArea * value / Max);
}

public sealed record ChartSeries(string Name, string Color);

public sealed record ChartBar(string Label, IReadOnlyList<long> Values, string ValueText, IReadOnlyDictionary<string, string> Data, long? Target = null);
