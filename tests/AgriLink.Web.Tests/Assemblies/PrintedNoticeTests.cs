using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using Xunit;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace AgriLink.Web.Tests.Assemblies;

/// <summary>
/// The notice printed for the village wall: an A4 PDF anyone can fetch, carrying the board's plan in Chinese (extracted
/// from the PDF and compared with the online board), the check code the online board shows, and a QR code that decodes to
/// the online board's address.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class PrintedNoticeTests(SeededApp app)
{
    private const string Board = "/board/coop-pzcili";

    [Fact]
    public async Task ThePrintedNoticeCarriesTheBoardsPlanLinesAndCheckCode()
    {
        var html = await (await app.Anonymous().GetAsync(Board + "?year=2025", Api.Ct)).Content.ReadAsStringAsync(Api.Ct);
        var check = CheckCode().Match(html);
        Assert.True(check.Success, "the online board shows the notice's check code");
        var lines = BoardLine().Matches(html).Select(m => (Name: WebUtility.HtmlDecode(m.Groups["name"].Value), Amount: m.Groups["amount"].Value)).ToList();
        Assert.NotEmpty(lines);

        using var response = await app.Anonymous().GetAsync(Board + "/notice.pdf?year=2025", Api.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("public", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.StartsWith("inline", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(Api.Ct);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(595, Math.Round(pdf.GetPage(1).Width));
        Assert.Equal(842, Math.Round(pdf.GetPage(1).Height));
        var first = pdf.GetPage(1).Text;
        Assert.Contains("盘州市普古乡舍烹刺梨种植农民专业合作社", first, StringComparison.Ordinal);
        Assert.Contains("2025 年度盈余分配方案公示", first, StringComparison.Ordinal);
        Assert.Contains("如有异议", first, StringComparison.Ordinal);
        Assert.Contains("可分配盈余", first, StringComparison.Ordinal);
        var all = string.Concat(pdf.GetPages().Select(p => p.Text));
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains($"公示内容校验码 {check.Groups["code"].Value}", page.Text, StringComparison.Ordinal);
            Assert.Contains($"第 {page.Number} 页，共 {pdf.NumberOfPages} 页", page.Text, StringComparison.Ordinal);
            Assert.Contains("生成时间", page.Text, StringComparison.Ordinal);
        }
        // Every line of the online board is printed: the same masked name, the same amount.
        foreach (var (name, amount) in lines)
        {
            Assert.Contains(name, all, StringComparison.Ordinal);
            Assert.Contains("¥" + amount, all.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("hh-pz", all, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\d)1[3-9]\d{9}(?!\d)", all);
    }

    [Fact]
    public async Task ItsQrCodeOpensTheOnlineBoard()
    {
        var bytes = await app.Anonymous().GetByteArrayAsync(Board + "/notice.pdf?year=2025", Api.Ct);

        using var pdf = PdfDocument.Open(bytes);
        var image = Assert.Single(pdf.GetPage(1).GetImages());
        Assert.True(image.TryGetBytesAsMemory(out var raw));
        var luminance = new RGBLuminanceSource(raw.ToArray(), image.WidthInSamples, image.HeightInSamples, RGBLuminanceSource.BitmapFormat.RGB24);
        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)));
        Assert.NotNull(decoded);
        Assert.Equal("http://localhost/board/coop-pzcili?year=2025", decoded.Text);
    }

    [Theory]
    [InlineData("/board/coop-nowhere/notice.pdf")]
    [InlineData("/board/coop-pzcili/notice.pdf?year=1999")]
    public async Task ThereIsNoNoticeToPrintForAnUnknownCooperativeOrYear(string path)
    {
        using var response = await app.Anonymous().GetAsync(path, Api.Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheBoardLinksToItsPrintedNotice()
    {
        var html = await app.Anonymous().GetStringAsync(Board, Api.Ct);
        Assert.Matches(@"href=""/board/coop-pzcili/notice\.pdf\?year=\d{4}""", html);
    }

    [GeneratedRegex("data-check-code>(?<code>[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})</code>")]
    private static partial Regex CheckCode();

    [GeneratedRegex(@"<tr><td>(?<name>[^<]+)</td><td>(?<amount>-?\d+\.\d{2})</td></tr>")]
    private static partial Regex BoardLine();
}
