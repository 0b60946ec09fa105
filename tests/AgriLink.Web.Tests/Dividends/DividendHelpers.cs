using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>Reading declarations and their lines over the API, and the small checks the dividend tests share.</summary>
public static partial class DividendHelpers
{
    /// <summary>The platform's date: China Standard Time.</summary>
    public static DateOnly ChinaToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>Every line of a declaration, read page by page (the API serves at most 200 a page).</summary>
    public static async Task<List<JsonObject>> AllLines(this HttpClient client, string cooperativeId, int year, int pageSize = 200)
    {
        var lines = new List<JsonObject>();
        int total;
        do
        {
            var page = await client.GetObject($"/api/cooperatives/{cooperativeId}/dividends/{year}/lines?offset={lines.Count}&limit={pageSize}");
            total = (int)page["total"]!;
            var items = page["items"]!.AsArray();
            Assert.True(items.Count > 0 || lines.Count >= total, $"An empty page at offset {lines.Count} of {total}.");
            lines.AddRange(items.Select(i => i!.AsObject()));
            if (items.Count == 0) break;
        }
        while (lines.Count < total);
        Assert.Equal(total, lines.Count);
        return lines;
    }

    /// <summary>A declaration's status as served.</summary>
    public static async Task<string?> DeclarationStatus(this HttpClient client, string cooperativeId, int year) =>
        (string?)(await client.GetObject($"/api/cooperatives/{cooperativeId}/dividends/{year}"))["declaration"]!["status"];

    /// <summary>The part of a problem's <c>type</c> after <c>urn:agrilink:problem:</c>.</summary>
    public static string? Code(this JsonObject problem) => ((string?)problem["type"])?.Replace("urn:agrilink:problem:", "", StringComparison.Ordinal);

    /// <summary>Fen as the statements write yuan: invariant, two decimals, no grouping (e.g. <c>1400.00</c>, <c>-70.00</c>).</summary>
    public static string Yuan(long fen) =>
        (fen < 0 ? "-" : "") + (Math.Abs(fen) / 100).ToString(CultureInfo.InvariantCulture) + "." + (Math.Abs(fen) % 100).ToString("D2", CultureInfo.InvariantCulture);

    public static bool HasChinese(string text) => Cjk().IsMatch(text);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}
