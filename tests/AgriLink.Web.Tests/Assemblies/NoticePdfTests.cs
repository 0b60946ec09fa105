using AgriLink.Grains.Projections;
using AgriLink.Web.Printing;
using UglyToad.PdfPig;
using Xunit;

namespace AgriLink.Web.Tests.Assemblies;

/// <summary>A large cooperative's notice: every line printed once across pages, each page with its heads and footer.</summary>
public sealed class NoticePdfTests
{
    [Fact]
    public void AThousandLinesRunOverPagesEachWithHeadsAndFooter()
    {
        Assert.True(PrintFont.TryInstall(null, out var font), "a Chinese font is installed (tests/run.sh installs fonts-wqy-microhei)");
        var lines = Enumerable.Range(1, 1_000).Select(i => ($"王*{i:D4}", 10_000L + i)).ToList();
        lines.Add(("盘州市普古乡舍烹村股份经济合作联合社（村集体经济组织）", 123_456));
        var notice = new BoardNotice("coop-big:2025", 2025, "Publicised", new(2026, 1, 5), new(2026, 1, 11), 100_000_000, 0, 1000, 10_000_000,
            500, 5_000_000, 85_000_000, 6000, 51_000_000, 10_000_000, 24_000_000, 85_000_000, lines.Count, 0, null, null);

        var bytes = NoticePdf.Render(new PrintedNotice(new BoardCooperative("coop-big", "大村合作社", "520281", "舍烹村"), notice, lines,
            "ABCD-0123-4567-89EF", "https://agrilink.example/board/coop-big?year=2025", DateTimeOffset.Parse("2026-01-05T02:00:00Z")));

        using var pdf = PdfDocument.Open(bytes);
        Assert.InRange(pdf.NumberOfPages, 3, 30);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        foreach (var (name, _) in lines.Where((_, i) => i % 97 == 0 || i >= 999))
            Assert.Contains(name.Length > 10 ? name[..10] : name, text, StringComparison.Ordinal);
        Assert.Contains("¥1,234.56", text, StringComparison.Ordinal);
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains("公示内容校验码 ABCD-0123-4567-89EF", page.Text, StringComparison.Ordinal);
            Assert.Contains($"第 {page.Number} 页，共 {pdf.NumberOfPages} 页", page.Text, StringComparison.Ordinal);
            Assert.Contains("生成时间 2026-01-05 10:00（北京时间）", page.Text, StringComparison.Ordinal);
            if (page.Number > 1) Assert.StartsWith("股东分红", page.Text, StringComparison.Ordinal);
        }
    }
}
