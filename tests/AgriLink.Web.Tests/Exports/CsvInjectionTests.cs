using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AgriLink.Web.Exports;
using AgriLink.Web.Tests.Infrastructure;
using MiniExcelLibs;
using Xunit;

namespace AgriLink.Web.Tests.Exports;

/// <summary>
/// Issue 16, item 6: a name or title beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return reaches
/// an export as text, never as a formula a spreadsheet would run.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class CsvInjectionTests(SeededApp app)
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example\",\"点击查看\")";

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData(Hyperlink, "'" + Hyperlink)]
    [InlineData("+86 139", "'+86 139")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("刺梨 = 好", "刺梨 = 好")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("12", "12")]
    [InlineData("", "")]
    public void EveryCellIsWrittenAsText(string cell, string written)
    {
        var csv = Encoding.UTF8.GetString(CsvFile.Write([["a", cell]]));

        Assert.Equal(written, Cells(csv)[0][1]);
    }

    [Fact]
    public void ATableExportsItsCellsAsTextInCsvAndXlsx()
    {
        var table = new Table("t", ["名称", "金额"], [[Hyperlink, "-3.20"], ["@cmd", 5m]]);

        var csv = Cells(Encoding.UTF8.GetString(table.Csv()));
        Assert.Equal(["'" + Hyperlink, "-3.20"], csv[1]);
        Assert.Equal(["'@cmd", "5"], csv[2]);

        var xlsx = table.Xlsx();
        using (var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read))
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(sheet.Open());
            var xml = reader.ReadToEnd();
            Assert.DoesNotContain("<x:f", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<f ", xml, StringComparison.Ordinal);
        }
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Hyperlink, rows[0]["名称"]);
        Assert.IsType<string>(rows[0]["名称"]);
    }

    [Fact]
    public async Task AnInvoiceOfAListingTitledLikeAFormulaIsText()
    {
        var coop = await app.As("coop.panzhou");
        var listing = await coop.CreateDraft("coop-pzcili", Listings.Draft(title: Hyperlink, priceFen: 730));
        using (var published = await coop.Post($"/api/listings/{listing}/publish")) await published.AssertOk();
        var canteen = await app.As("buyer.canteen");
        var order = new JsonObject
        {
            ["buyerId"] = "buyer-gzcanteen",
            ["paymentMethod"] = "Invoice",
            ["lines"] = new JsonArray(new JsonObject { ["listingId"] = listing, ["quantity"] = 5 }),
            ["deliveryRegionCode"] = "440103",
            ["deliveryAddress"] = "广州市荔湾区中山七路 1 号机关食堂",
        };
        string id;
        using (var placed = await canteen.SendJson(HttpMethod.Post, "/api/orders", order)) id = (string)(await placed.AssertOk(HttpStatusCode.Created))["id"]!;
        using (var shipped = await coop.Post($"/api/orders/{id}/suborders/coop-pzcili/ship")) await shipped.AssertOk();
        using (var delivered = await canteen.Post($"/api/orders/{id}/suborders/coop-pzcili/deliver")) await delivered.AssertOk();
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
        using var issued = await coop.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/invoices", new JsonObject { ["buyerId"] = "buyer-gzcanteen", ["month"] = month });
        var number = (string)(await issued.AssertOk(issued.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK))["number"]!;

        using var document = await canteen.Get($"/api/invoices/{number}/document?format=csv");
        var bytes = await document.Content.ReadAsByteArrayAsync(Api.Ct);
        var rows = Cells(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

        var line = Assert.Single(rows, r => r[0] == id);
        Assert.Equal("'" + Hyperlink, line[2]);
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Length > 0 && c[0] is '=' or '+' or '@');

        using var xlsx = await canteen.Get($"/api/invoices/{number}/document?format=xlsx");
        var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Api.Ct)).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(sheet, r => r.Values.Contains(Hyperlink));
    }

    /// <summary>RFC 4180 cells (quoted fields with doubled quotes and line breaks inside).</summary>
    internal static List<List<string>> Cells(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') i++;
                row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = [];
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add(row); }
        return rows;
    }
}
