using System.Net;
using System.Text;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// Each table of the 防返贫监测 dashboard as CSV (UTF-8 with a BOM) and .xlsx, for the officers of the area and the region
/// officers above it only: another area's officer gets 403, as for the dashboard itself.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class DashboardExportTests(SeededApp app)
{
    [Theory]
    [InlineData("county.panzhou", "520281", HttpStatusCode.OK)]
    [InlineData("prefecture.liupanshui", "520281", HttpStatusCode.OK)]
    [InlineData("province.guizhou", "52", HttpStatusCode.OK)]
    [InlineData("township.pugu", "520281211", HttpStatusCode.OK)]
    [InlineData("cadre.shepeng", "520281211201", HttpStatusCode.OK)]
    [InlineData("county.xiuwen", "520281", HttpStatusCode.Forbidden)]
    [InlineData("prefecture.liupanshui", "520123", HttpStatusCode.Forbidden)]
    [InlineData("prefecture.liupanshui", "52", HttpStatusCode.Forbidden)]
    [InlineData("cadre.shepeng", "520281211202", HttpStatusCode.Forbidden)]
    [InlineData("coop.panzhou", "520281", HttpStatusCode.Forbidden)]
    public async Task EachExportsTheTablesOfItsOwnAreasOnly(string user, string area, HttpStatusCode expected)
    {
        var client = await app.As(user);
        foreach (var table in new[] { "areas", "categories", "channels", "measures", "outcomes", "incomes" })
        {
            using var response = await client.Get($"/api/monitoring/dashboard/export?area={area}&table={table}&format=csv");
            Assert.Equal(expected, response.StatusCode);
            if (expected != HttpStatusCode.OK) continue;
            var bytes = await response.Content.ReadAsByteArrayAsync(Api.Ct);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            Assert.Contains($"monitoring-{table}-{area}.csv", response.Content.Headers.ContentDisposition?.ToString());
        }
    }

    [Fact]
    public async Task TheMeasuresTableIsWordedInChineseAndOpensAsXlsx()
    {
        var officer = await app.As("county.panzhou");
        using (var csv = await officer.Get("/api/monitoring/dashboard/export?area=520281&table=measures&format=csv"))
        {
            var text = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync(Api.Ct))[3..]);
            Assert.StartsWith("帮扶措施,措施数,户数", text);
        }
        using (var incomes = await officer.Get("/api/monitoring/dashboard/export?area=520281&table=incomes&format=csv"))
            Assert.StartsWith("年度,有收入数据的监测户,人均收入中位数（元）", Encoding.UTF8.GetString((await incomes.Content.ReadAsByteArrayAsync(Api.Ct))[3..]));
        using var xlsx = await officer.Get("/api/monitoring/dashboard/export?area=520281&table=outcomes&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var book = new System.IO.Compression.ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Api.Ct)));
        Assert.Contains(book.Entries, e => e.FullName == "xl/workbook.xml");
    }

    [Theory]
    [InlineData("table=people&format=csv")]
    [InlineData("table=measures&format=pdf")]
    [InlineData("format=csv")]
    public async Task AnUnknownTableOrFormatIsAProblem(string query)
    {
        using var response = await (await app.As("county.panzhou")).Get($"/api/monitoring/dashboard/export?area=520281&{query}");
        await response.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnonymousExportsAreRefused()
    {
        using var response = await app.Anonymous().Get("/api/monitoring/dashboard/export?area=52&table=measures&format=csv");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
