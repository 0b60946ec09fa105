using System.Text.Json;
using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// The cooperative's bookkeeper calls a member assembly on a 360 px phone, sees its agenda and roll, is refused a record
/// without a quorum (with the figures), then records the held meeting — attendance, hand-count, minutes — and sees the result.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class CooperativeAssemblyTests(BrowserApp app)
{
    [Fact]
    public async Task TheAdminCallsAHeldAssemblyAndRecordsTheMeeting()
    {
        var (context, page) = await app.SignedIn("coop.panzhou", 360);
        await page.GotoAsync("/cooperative/assemblies");
        await page.FillAsync("#AssemblyTitle", "修建刺梨冷库专题成员大会");
        await page.SelectOptionAsync("#Motions_0__Subject", "Other");
        await page.FillAsync("#Motions_0__Title", "修建刺梨冷库");
        await page.FillAsync("#Motions_0__FiscalYear", "");
        await page.SelectOptionAsync("#Motions_1__Subject", "AnnualReport");
        await page.FillAsync("#Motions_1__Title", "2025 年度业务报告");
        await page.ClickAsync("#call");
        await page.WaitForURLAsync("**/cooperative/assemblies/asm-*?coop=coop-pzcili");
        var assemblyId = new Uri(page.Url).AbsolutePath.Split('/')[^1];

        // The agenda and the roll the assembly is shown.
        Assert.Equal(["修建刺梨冷库", "2025 年度业务报告"], await page.Locator("#resolutions li strong:first-child").AllInnerTextsAsync());
        var seats = int.Parse(await page.GetAttributeAsync("#roll-summary", "data-seats") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var votes = int.Parse(await page.GetAttributeAsync("#roll-summary", "data-total-votes") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(seats >= 3, $"coop-pzcili has {seats} members");
        Assert.Equal("Open", await page.GetAttributeAsync("#assembly-status", "data-status"));
        await page.AssertAccessible("the assembly before its record");

        // One person present is no quorum: refused with the figures, nothing recorded.
        await page.FillAsync("#Present", "1");
        await page.FillAsync("#Counts_0__Yes", "1");
        await page.FillAsync("#Counts_1__Yes", "1");
        await page.FillAsync("#Minutes", "到会人数不足。");
        await page.ClickAsync("#record-held");
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync($"出席 1 人，不足成员总数 {seats} 人的三分之二");
        var stored = await Assembly(context, assemblyId);
        Assert.Equal("Open", stored.GetProperty("status").GetString());

        // Everyone present, the hand-count recorded: the first resolution passes with every vote, the second fails.
        await page.FillAsync("#Present", seats.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Counts_0__Yes", votes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Counts_1__Yes", "1");
        await page.FillAsync("#Counts_1__No", (votes - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Minutes", "全体成员出席，举手表决。\n冷库选址在村委会旁。");
        await page.ClickAsync("#record-held");
        await page.WaitForURLAsync($"**/cooperative/assemblies/{assemblyId}?coop=coop-pzcili");

        Assert.Equal("Closed", await page.GetAttributeAsync("#assembly-status", "data-status"));
        Assert.Equal("True", await page.GetAttributeAsync("li[data-resolution='r1']", "data-passed"));
        Assert.Equal("False", await page.GetAttributeAsync("li[data-resolution='r2']", "data-passed"));
        await Assertions.Expect(page.Locator("li[data-resolution='r1']")).ToContainTextAsync($"赞成 {votes} 票，反对 0 票，弃权 0 票");
        await Assertions.Expect(page.Locator("#minutes")).ToContainTextAsync("冷库选址在村委会旁");
        Assert.Equal(0, await page.Locator("#held-form").CountAsync());
        stored = await Assembly(context, assemblyId);
        Assert.Equal("Closed", stored.GetProperty("status").GetString());
        Assert.Equal(seats, stored.GetProperty("present").GetInt32());
        Assert.True(stored.GetProperty("resolutions")[0].GetProperty("outcome").GetProperty("passed").GetBoolean());

        // The list shows it with its result.
        await page.GotoAsync("/cooperative/assemblies");
        await Assertions.Expect(page.Locator($"li[data-assembly='{assemblyId}']")).ToContainTextAsync("通过");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways at 360 px");
        await page.AssertAccessible("the cooperative's assemblies");
        await page.GotoAsync($"/cooperative/assemblies/{assemblyId}");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the record scrolls sideways at 360 px");
        await page.AssertAccessible("the recorded assembly");
        await page.Screenshot("coop-assembly-recorded");
        await context.CloseAsync();
    }

    private static async Task<JsonElement> Assembly(IBrowserContext context, string assemblyId) =>
        JsonDocument.Parse(await (await context.APIRequest.GetAsync($"/api/cooperatives/coop-pzcili/assemblies/{assemblyId}")).TextAsync())
            .RootElement.GetProperty("assembly");
}
