using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AgriLink.Web.Auth;
using AgriLink.Web.Imports;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// Issue 19's departmental data: a GBK CSV from 医保, 应急 and 民政 with good, bad and unmatched rows is previewed row by
/// row, confirmed (expenses added to the declaration, assistance opening a case), and imported twice without doubling.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class DepartmentImportTests(SeededApp app)
{
    private const string Imports = "/api/monitoring/imports";

    static DepartmentImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<JsonObject> Upload(HttpClient client, byte[] file, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync($"{Imports}?fileName=yibao-2025.csv", content, Api.Ct);
        return expected == HttpStatusCode.OK ? await response.AssertOk() : await response.AssertProblem(expected);
    }

    [Fact]
    public async Task AGbkFileWithGoodBadAndUnmatchedRowsImportsOnceHoweverOftenItIsSent()
    {
        var name = "导入" + Guid.NewGuid().ToString("N")[..6];
        var household = await AreaStaff.Household(app, AreaStaff.Shepeng, headName: name);
        var year = DateTime.UtcNow.AddHours(8).Year - 1;
        var csv = $"""
            类别,年度,农户编号,村级区划代码,户主姓名,金额,说明
            医疗自付,{year},,{AreaStaff.Shepeng},{name},"1,234.50",住院自付
            灾害损失,{year},{household},,,800,冰雹
            民政救助,{year},,{AreaStaff.Shepeng},{name},3000,临时救助
            医疗自付,{year},,{AreaStaff.Shepeng},查无此人{name},100,
            未知类别,1999,,,,abc,
            """;
        var gbk = Encoding.GetEncoding(936).GetBytes(csv);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(gbk));   // really not UTF-8
        var county = await app.As("county.panzhou");

        var preview = await Upload(county, gbk);
        Assert.Equal("GBK", (string?)preview["file"]!["encoding"]);
        Assert.Equal((3, 1, 1), ((int)preview["matchedRows"]!, (int)preview["unmatchedRows"]!, (int)preview["invalidRows"]!));
        var rows = preview["file"]!["rows"]!.AsArray();
        Assert.All(rows.Take(3), r => Assert.Equal(household, (string?)r!["householdId"]));
        Assert.Equal("not-found", (string?)rows[3]!["unmatched"]);
        Assert.Equal(["kind", "year", "householdId", "amount"], rows[4]!["record"]!["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        Assert.Equal(123450, (long)rows[0]!["record"]!["amountFen"]!);
        var id = (string)preview["id"]!;
        Assert.StartsWith("520281-", id, StringComparison.Ordinal);

        // Nothing applied before the confirmation.
        Assert.Equal(0, (long)(await county.GetObject($"/api/households/{household}/income/{year}"))["expensesTotalFen"]!);
        var confirmed = await (await county.Post($"{Imports}/{id}/confirm")).AssertOk();
        Assert.Equal(["expense", "expense", "case", null, null], confirmed["file"]!["rows"]!.AsArray().Select(r => (string?)r!["applied"]));
        var caseId = (string)confirmed["file"]!["rows"]![2]!["caseId"]!;

        // The same file again: the same import, already confirmed; confirming again changes nothing.
        var again = await Upload(county, gbk);
        Assert.Equal(id, (string?)again["id"]);
        Assert.NotNull(again["confirmedAt"]);
        await (await county.Post($"{Imports}/{id}/confirm")).AssertOk();

        var income = await county.GetObject($"/api/households/{household}/income/{year}");
        var expenses = income["expenses"]!.AsArray().ToDictionary(e => (string)e!["kind"]!, e => (long)e!["fen"]!);
        Assert.Equal(123450, expenses["Medical"]);
        Assert.Equal(80000, expenses["DisasterLoss"]);
        var opened = await county.GetObject($"/api/monitoring/cases/{caseId}");
        Assert.Equal(("DepartmentData", household), ((string?)opened["case"]!["channel"], (string?)opened["case"]!["householdId"]));
        var cases = await county.GetObject($"/api/monitoring/cases?area={AreaStaff.Shepeng}&limit=200");
        Assert.Single(cases["items"]!.AsArray(), c => (string?)c!["householdId"] == household);

        // Another county's officer and the village's cadre see nothing of it; a cadre cannot import.
        await (await (await app.As("county.xiuwen")).Get($"{Imports}/{id}")).AssertProblem(HttpStatusCode.Forbidden);
        await (await (await app.As("cadre.shepeng")).Post($"{Imports}/{id}/confirm")).AssertProblem(HttpStatusCode.Forbidden);
        await Upload(await app.As("cadre.shepeng"), gbk, HttpStatusCode.Forbidden);
        await (await (await app.As("cadre.shepeng")).SendJson(HttpMethod.Post, $"{Cases}/{caseId}/steps", new JsonObject { ["action"] = "Dismiss", ["note"] = "测试结束" })).AssertOk();
    }

    [Fact]
    public async Task AFileWithoutItsColumnsOrRowsIsRefusedWhole()
    {
        var county = await app.As("county.panzhou");
        var missing = await Upload(county, Encoding.UTF8.GetBytes("名称,数量\n甲,1\n"), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["file"]);
        await Upload(county, Encoding.UTF8.GetBytes("类别,年度,农户编号,金额\n"), HttpStatusCode.BadRequest);
        await Upload(county, [], HttpStatusCode.BadRequest);
    }

    [Fact]
    public void Utf8WithOrWithoutABomIsReadAsUtf8AndAnythingElseAsGbk()
    {
        const string text = "类别,年度\n医疗自付,2025\n";
        Assert.Equal((text, "UTF-8"), DepartmentCsv.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]));
        Assert.Equal((text, "UTF-8"), DepartmentCsv.Decode(Encoding.UTF8.GetBytes(text)));
        Assert.Equal((text, "GBK"), DepartmentCsv.Decode(Encoding.GetEncoding(936).GetBytes(text)));
    }

    private const string Cases = "/api/monitoring/cases";
}
