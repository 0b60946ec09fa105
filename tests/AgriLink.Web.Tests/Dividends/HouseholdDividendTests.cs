using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AgriLink.Domain.Dividends;
using AgriLink.Web.Localization;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.VisualBasic.FileIO;
using MiniExcelLibs;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// A member household's view of its dividends in the seeded demo: hh-pz01 of 舍烹 (coop-pzcili), whose 2025
/// declaration is in its public notice. Read-only, so the order of tests in the shared app does not matter.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class HouseholdDividendTests(SeededApp app)
{
    private const string Household = "hh-pz01";
    private const string Dividends = "/api/households/hh-pz01/dividends";
    private const string Statement = "/api/households/hh-pz01/dividends/statement";

    [Fact]
    public async Task FarmerSeesIts2025DividendWithEveryComponentExplainedInChinese()
    {
        var farmer = await app.As("farmer.pz01");

        var dividend = Pzcili2025(await farmer.GetArray(Dividends));

        Assert.Equal("Publicised", (string?)dividend["status"]);
        Assert.Equal("盘州市普古乡舍烹刺梨种植农民专业合作社", (string?)dividend["cooperativeName"]);
        var components = dividend["components"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Contains(components, c => (string?)c["kind"] == "TradeReturn");
        Assert.Contains(components, c => (string?)c["kind"] == "Floor");
        Assert.Contains(components, c => (string?)c["kind"] == "SecondRound");
        Assert.Contains(components, c => (string?)c["kind"] == "CollectiveDeduction");
        Assert.All(components, c => Assert.True(DividendHelpers.HasChinese((string)c["explanation"]!), $"Not Chinese: {c["explanation"]}"));
        // The paid components add up to what is paid, to the fen.
        var paid = (long)dividend["paidFen"]!;
        Assert.True(paid > 0);
        Assert.Equal(paid, components.Where(c => (string?)c["kind"] != "FloorLiability").Sum(c => (long)c["amountFen"]!));
        // 3.5 mu of land at the charter's ¥400 per mu, and the ¥20 per mu fee to the village collective.
        var landFloor = Assert.Single(components, c => (string?)c["kind"] == "Floor" && (string?)c["holdingId"] == "h-hh-pz01-land");
        Assert.Equal(140_000, (long)landFloor["amountFen"]!);
        Assert.StartsWith("土地保底：3.5 亩 × 每亩 400 元 = 1,400 元", (string)landFloor["explanation"]!);
        var fee = Assert.Single(components, c => (string?)c["kind"] == "CollectiveDeduction");
        Assert.Equal(-7_000, (long)fee["amountFen"]!);
        Assert.Contains("3.5 亩", (string)fee["explanation"]!);

        // The same line the cooperative's admins see in the declaration.
        var line = (await (await app.As("coop.panzhou")).AllLines("coop-pzcili", 2025)).Single(l => (string?)l["shareholderId"] == Household);
        Assert.Equal(paid, (long)line["paidFen"]!);
        Assert.Equal((long)line["owedFen"]!, (long)dividend["owedFen"]!);
        Assert.Equal(line["components"]!.AsArray().Select(c => ((string?)c!["kind"], (string?)c["holdingId"], (long)c["amountFen"]!)),
            components.Select(c => ((string?)c["kind"], (string?)c["holdingId"], (long)c["amountFen"]!)));
    }

    [Fact]
    public async Task EnglishGivesTheSameDividendInEnglish()
    {
        var farmer = await app.As("farmer.pz01");

        var zh = Pzcili2025(await farmer.GetArray(Dividends));
        var en = Pzcili2025(await farmer.GetArray(Dividends + "?lang=en"));

        Assert.Equal((long)zh["paidFen"]!, (long)en["paidFen"]!);
        var zhComponents = zh["components"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var enComponents = en["components"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(zhComponents.Select(c => ((string?)c["kind"], (long)c["amountFen"]!)), enComponents.Select(c => ((string?)c["kind"], (long)c["amountFen"]!)));
        Assert.All(enComponents, c => Assert.False(DividendHelpers.HasChinese((string)c["explanation"]!), $"Not English: {c["explanation"]}"));
        var landFloor = Assert.Single(enComponents, c => (string?)c["kind"] == "Floor" && (string?)c["holdingId"] == "h-hh-pz01-land");
        Assert.Contains("3.5 mu × ¥400 per mu = ¥1,400", (string)landFloor["explanation"]!);
        Assert.StartsWith("Trade return:", (string)enComponents.First(c => (string?)c["kind"] == "TradeReturn")["explanation"]!);
    }

    [Fact]
    public async Task FarmerOfAnotherCooperativeIsForbiddenTheHouseholdsDividendsAndTheDeclaration()
    {
        var stranger = await app.As("farmer.cj02");

        foreach (var path in new[]
        {
            Dividends, Dividends + "?lang=en", Statement, Statement + "?format=xlsx", $"/api/households/{Household}/holdings",
            "/api/cooperatives/coop-pzcili/dividends/2025", "/api/cooperatives/coop-pzcili/dividends/2025/lines",
            "/api/cooperatives/coop-pzcili/dividends/2025/funds/fund-pz-2017",
        })
        {
            using var response = await stranger.Get(path);
            await response.AssertProblem(HttpStatusCode.Forbidden);
        }

        using var objection = await stranger.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/dividends/2025/objections", """{"text":"我不是社员"}""");
        await objection.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CsvStatementIsUtf8WithBomWithAHeaderAndATotalRow()
    {
        var farmer = await app.As("farmer.pz01");
        var dividend = Pzcili2025(await farmer.GetArray(Dividends));

        using var response = await farmer.Get(Statement);
        var bytes = await response.Content.ReadAsByteArrayAsync(Api.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("dividends-hh-pz01.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "The CSV does not start with the UTF-8 BOM.");
        var rows = ParseCsv(bytes);
        Assert.Equal(["合作社", "年度", "状态", "项目", "股权编号", "金额（元）", "说明"], rows[0]);
        var body = rows.Skip(1).Where(r => r[1] == "2025" && r[0] == (string?)dividend["cooperativeName"]).ToList();
        var components = dividend["components"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(components.Count + 1, body.Count);
        // Kinds and statuses in words, as the page shows them, not their code names.
        Assert.Equal(components.Select(c => ((string?)Labels.Of(Enum.Parse<DividendComponentKind>((string)c["kind"]!)), (string?)c["holdingId"] ?? "",
                DividendHelpers.Yuan((long)c["amountFen"]!), (string?)c["explanation"])),
            body.Take(components.Count).Select(r => ((string?)r[3], r[4], r[5], (string?)r[6])));
        var total = body[^1];
        Assert.Equal("合计实发", total[3]);
        Assert.Equal(DividendHelpers.Yuan((long)dividend["paidFen"]!), total[5]);
        Assert.All(body, r => Assert.Equal("公示中", r[2]));
    }

    [Fact]
    public async Task XlsxStatementIsAWorkbookWithTheSameRowsAsTheCsv()
    {
        var farmer = await app.As("farmer.pz01");
        using var csvResponse = await farmer.Get(Statement);
        var csv = ParseCsv(await csvResponse.Content.ReadAsByteArrayAsync(Api.Ct));

        using var response = await farmer.Get(Statement + "?format=xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync(Api.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.True(bytes.Length > 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && bytes[2] == 3 && bytes[3] == 4, "Not a zip (PK header).");
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
            Assert.Contains(zip.Entries, e => e.FullName == "xl/workbook.xml");
        using var stream = new MemoryStream(bytes);
        var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(sheet);
        Assert.Equal(csv[0], sheet[0].Keys);
        Assert.Equal(csv.Skip(1).Select(r => string.Join('|', r)),
            sheet.Select(r => string.Join('|', r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? ""))));
        Assert.Contains(sheet, r => (string?)r["项目"] == "合计实发");
    }

    [Fact]
    public async Task EnglishStatementHasEnglishHeadersAndTotal()
    {
        var farmer = await app.As("farmer.pz01");

        using var response = await farmer.Get(Statement + "?lang=en");
        var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync(Api.Ct));

        Assert.Equal(["Cooperative", "Year", "Status", "Item", "Holding", "Amount (yuan)", "Explanation"], rows[0]);
        Assert.Contains(rows, r => r[3] == "Total paid");
    }

    [Fact]
    public async Task PdfStatementIsRefusedWithAProblem()
    {
        var farmer = await app.As("farmer.pz01");

        using var response = await farmer.Get(Statement + "?format=pdf");

        await response.AssertValidationProblem("format");
    }

    private static JsonObject Pzcili2025(JsonArray dividends) =>
        Assert.Single(dividends, d => (string?)d!["cooperativeId"] == "coop-pzcili" && (int?)d["fiscalYear"] == 2025)!.AsObject();

    /// <summary>RFC 4180 with a parser that is not the app's writer; the BOM is consumed by the UTF-8 decoder.</summary>
    private static List<string[]> ParseCsv(byte[] bytes)
    {
        using var parser = new TextFieldParser(new StringReader(new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF')))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields() ?? []);
        return rows;
    }
}
