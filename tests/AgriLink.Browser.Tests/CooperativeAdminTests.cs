using System.Text.Json;
using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// A cooperative's admins in the browser: listings created and edited with the API's messages beside the fields, members
/// and the share register, the dividend declaration with every shareholder's line and the four-eyes approval seen live,
/// invoices. 从江 (coop-cjxiang) takes the writes of listings, members and shares; 盘州 (coop-pzcili) the declarations.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class CooperativeAdminTests(BrowserApp app)
{
    [Fact]
    public async Task TheCharterIsWrittenInThePageRefusedBelowTheLawAndAmended()
    {
        // 修文 has no charter in the demo: without one its year-end distribution cannot be prepared.
        var (context, page) = await app.SignedIn("coop.xiuwen", 360);
        await page.GotoAsync("/cooperative/charter");
        Assert.True(await page.Locator("#charter-missing").IsVisibleAsync());

        await page.FillAsync("#TradeReturnPercent", "50");
        await page.SelectOptionAsync("#Floors_0__ShareClass", "LandRight");
        await page.SelectOptionAsync("#Floors_0__Kind", "PerMu");
        await page.FillAsync("#Floors_0__Value", "400");
        await page.ClickAsync("#charter-form button[type=submit]");

        // The law's 60% comes back beside the field; nothing is recorded.
        await Assertions.Expect(page.Locator("span[data-valmsg-for='TradeReturnPercent']")).Not.ToBeEmptyAsync();
        Assert.Equal(404, (await context.APIRequest.GetAsync("/api/cooperatives/coop-xwkiwi/charter")).Status);

        await page.FillAsync("#TradeReturnPercent", "65");
        await page.SelectOptionAsync("#Floors_1__ShareClass", "FiscalFund");
        await page.SelectOptionAsync("#Floors_1__Kind", "PercentOfPrincipal");
        await page.FillAsync("#Floors_1__Steps", "6, 8, 10");
        await page.ClickAsync("#charter-form button[type=submit]");
        await page.WaitForURLAsync("**/cooperative/charter?coop=coop-xwkiwi");

        var charter = JsonDocument.Parse(await (await context.APIRequest.GetAsync("/api/cooperatives/coop-xwkiwi/charter")).TextAsync()).RootElement;
        Assert.Equal(6500, charter.GetProperty("tradeReturnRateBp").GetInt32());
        var floors = charter.GetProperty("floors").EnumerateArray().ToList();
        Assert.Equal(2, floors.Count);
        Assert.Equal(40_000, floors[0].GetProperty("value").GetInt64()); // ¥400 a mu, in fen
        Assert.Equal([600, 800, 1000], floors[1].GetProperty("stepRatesBp").EnumerateArray().Select(e => e.GetInt32()));
        Assert.False(await page.Locator("#charter-missing").IsVisibleAsync());
        Assert.Equal("65", await page.InputValueAsync("#TradeReturnPercent"));
        Assert.Equal("400.00", await page.InputValueAsync("#Floors_0__Value"));
        await page.AssertAccessible("/cooperative/charter");
        await page.Screenshot("coop-charter");
        await context.CloseAsync();
    }

    [Fact]
    public async Task AFiscalFundIsRegisteredFromAPhoneAndDisclosedOnTheBoard()
    {
        var (context, page) = await app.SignedIn("coop.panzhou", 360);
        await page.GotoAsync("/cooperative/funds");
        await Assertions.Expect(page.Locator("article[data-fund='fund-pz-2017']")).ToBeVisibleAsync();
        var id = "fund-b" + Guid.NewGuid().ToString("N")[..8];

        await page.FillAsync("#FundId", id);
        await page.FillAsync("#Source", "省级财政衔接推进乡村振兴补助资金");
        await page.FillAsync("#DocumentNo", "黔财农〔2025〕3号");
        await page.FillAsync("#Amount", "0");
        await page.FillAsync("#Year", "2025");
        await page.ClickAsync("#register-fund button[type=submit]");
        // The API's refusal beside the amount; nothing is registered.
        await Assertions.Expect(page.Locator("span[data-valmsg-for='Amount']")).Not.ToBeEmptyAsync();
        Assert.Equal(404, (await context.APIRequest.GetAsync($"/board/coop-pzcili/funds/{id}")).Status);

        await page.FillAsync("#Amount", "86000.50");
        await page.ClickAsync("#register-fund button[type=submit]");
        await page.WaitForURLAsync("**/cooperative/funds?coop=coop-pzcili");
        await Assertions.Expect(page.Locator($"article[data-fund='{id}']")).ToContainTextAsync("¥86,000.50");
        await page.AssertAccessible("/cooperative/funds");

        var board = await context.APIRequest.GetAsync($"/board/coop-pzcili/funds/{id}");
        Assert.Equal(200, board.Status);
        Assert.Contains("黔财农〔2025〕3号", await board.TextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task ABadListingIsRefusedBesideItsFieldsThenAGoodOneIsCreatedAndEdited()
    {
        var (context, page) = await app.SignedIn("coop.congjiang", 360);
        var before = await Total(context, "/api/listings?cooperativeId=coop-cjxiang&limit=200");
        var title = "测试糯米 " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/cooperative/listings");
        await page.ClickAsync("#new-listing");
        await page.WaitForURLAsync("**/cooperative/listings/new**");
        Assert.Equal("522633", await page.InputValueAsync("#CountyCode")); // the cooperative's own county, prefilled
        await page.FillAsync("#Title", title);
        await page.FillAsync("#Price", "0");
        await page.FillAsync("#Stock", "50");
        await page.ClickAsync("#listing-form button[type=submit]");

        // The API's rule (priceFen at least 1 fen) comes back beside the field it concerns; the county is chosen from a list.
        var priceMessage = page.Locator("span[data-valmsg-for='Price']");
        await Assertions.Expect(priceMessage).Not.ToBeEmptyAsync();
        Assert.Equal(title, await page.InputValueAsync("#Title")); // what was typed stays
        // A screen reader hears the problem on the field itself.
        Assert.Equal("true", await page.GetAttributeAsync("#Price", "aria-invalid"));
        Assert.Equal("Price-problem", await page.GetAttributeAsync("#Price", "aria-describedby"));
        Assert.Equal("Price-problem", await priceMessage.GetAttributeAsync("id"));
        Assert.Null(await page.GetAttributeAsync("#Title", "aria-invalid"));
        await page.AssertAccessible("the refused listing form");
        await page.Screenshot("cooperative-listing-invalid");
        Assert.Equal(before, await Total(context, "/api/listings?cooperativeId=coop-cjxiang&limit=200"));

        await page.FillAsync("#Price", "12.80");
        await page.ClickAsync("#listing-form button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("/cooperative/listings?", StringComparison.Ordinal));
        Assert.Equal(before + 1, await Total(context, "/api/listings?cooperativeId=coop-cjxiang&limit=200"));
        var card = page.Locator("li.card", new PageLocatorOptions { HasText = title });
        await Assertions.Expect(card).ToContainTextAsync("¥12.80");
        await Assertions.Expect(card).ToContainTextAsync("草稿");

        await card.Locator("a", new LocatorLocatorOptions { HasText = "修改" }).ClickAsync();
        await page.WaitForURLAsync("**/edit");
        Assert.Equal("12.80", await page.InputValueAsync("#Price"));
        await page.FillAsync("#Price", "13.5");
        await page.ClickAsync("#listing-form button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("/cooperative/listings?", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("li.card", new PageLocatorOptions { HasText = title })).ToContainTextAsync("¥13.50");
        await context.CloseAsync();
    }

    [Fact]
    public async Task AnotherCooperativesListingCannotBeEdited()
    {
        var (context, page) = await app.SignedIn("coop.congjiang", 360);
        var response = await page.GotoAsync("/cooperative/listings/lst-pzcilifresh/edit");
        Assert.True(response?.Status is 403 or 404, $"status {response?.Status}");
        Assert.Equal(0, await page.Locator("#listing-form").CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task AMemberIsAdmittedAndIssuedAHoldingInTheRegister()
    {
        var (context, page) = await app.SignedIn("coop.congjiang", 1280);
        var member = "ind-cj" + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/cooperative/members");
        var members = await page.Locator("tr.member").CountAsync();
        Assert.True(members > 0);
        await page.FillAsync("#MemberId", "bad id");
        await page.FillAsync("#DisplayName", "吴老三");
        await page.ClickAsync("#member-form button[type=submit]");
        await Assertions.Expect(page.Locator("span[data-valmsg-for='MemberId']")).Not.ToBeEmptyAsync();
        Assert.Equal(members, await page.Locator("tr.member").CountAsync());

        // An individual may join without a platform account (law Art. 19); a household must be registered first.
        await page.FillAsync("#MemberId", member);
        await page.SelectOptionAsync("#Kind", "Individual");
        await page.ClickAsync("#member-form button[type=submit]");
        await page.WaitForURLAsync("**/cooperative/members?**");
        await Assertions.Expect(page.Locator($"tr.member[data-member='{member}']")).ToContainTextAsync("吴老三");
        Assert.Equal(members + 1, await page.Locator("tr.member").CountAsync());

        await page.GotoAsync("/cooperative/shares");
        var holdings = await page.Locator("tr.holding-row").CountAsync();
        await page.FillAsync("#ShareholderId", member);
        await page.SelectOptionAsync("#ShareholderKind", "OtherMember");
        await page.SelectOptionAsync("#ShareClass", "Cash");
        await page.FillAsync("#Shares", "1000");
        await page.FillAsync("#Valuation", "1000");
        await page.FillAsync("#CertificateNo", "占里股字第" + member);
        await page.ClickAsync("#issue-form button[type=submit]");
        // The register keeps why each entry was made: without a reason nothing is registered.
        await Assertions.Expect(page.Locator("span[data-valmsg-for='Reason']")).Not.ToBeEmptyAsync();
        Assert.Equal(holdings, await page.Locator("tr.holding-row").CountAsync());
        await page.FillAsync("#Reason", "现金入股");
        await page.ClickAsync("#issue-form button[type=submit]");
        await Assertions.Expect(page.Locator("#register")).ToContainTextAsync(member);
        Assert.Equal(holdings + 1, await page.Locator("tr.holding-row").CountAsync());

        // A land right without its parcel is refused, the message beside the parcel field.
        await page.FillAsync("#ShareholderId", member);
        await page.SelectOptionAsync("#ShareClass", "LandRight");
        await page.FillAsync("#Shares", "10");
        await page.FillAsync("#Valuation", "10");
        await page.FillAsync("#CertificateNo", "占里股字第L" + member);
        await page.FillAsync("#Reason", "土地入股");
        await page.ClickAsync("#issue-form button[type=submit]");
        await Assertions.Expect(page.Locator("span[data-valmsg-for='ParcelNo']")).Not.ToBeEmptyAsync();
        Assert.Equal(holdings + 1, await page.Locator("tr.holding-row").CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task TheDividendPreviewShowsEveryShareholdersLine()
    {
        var (context, page) = await app.SignedIn("coop.panzhou", 1280);
        await page.GotoAsync("/cooperative/dividends/2025");

        var declaration = await Json(context, "/api/cooperatives/coop-pzcili/dividends/2025");
        var lineCount = declaration.GetProperty("lineCount").GetInt32();
        Assert.True(lineCount > 0);
        Assert.Equal(lineCount, await page.Locator("#lines tr.line").CountAsync());
        var lines = await Json(context, "/api/cooperatives/coop-pzcili/dividends/2025/lines?limit=200");
        var shareholders = lines.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("shareholderId").GetString()!).ToHashSet();
        var shown = (await page.Locator("#lines tr.line").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.shareholder)")).ToHashSet();
        Assert.Equal(shareholders, shown);
        Assert.Equal("Publicised", await page.GetAttributeAsync("#declaration-status", "data-status"));
        Assert.Equal(Labels(declaration.GetProperty("totals").GetProperty("totalPaidFen").GetInt64()), await page.InnerTextAsync("#total-paid"));
        await page.Screenshot("cooperative-dividends-2025");
        await context.CloseAsync();
    }

    [Fact]
    public async Task ADraftIsPreparedThenApprovedByASecondAdminSeenLiveThenPublicised()
    {
        var (context, page) = await app.SignedIn("coop.panzhou", 360);
        await page.GotoAsync("/cooperative/dividends/2024");
        await page.FillAsync("#Surplus", "abc");
        await page.ClickAsync("#prepare");
        await Assertions.Expect(page.Locator("span[data-valmsg-for='Surplus']")).Not.ToBeEmptyAsync();

        await page.FillAsync("#Surplus", "500000");
        await page.FillAsync("#ProfitPerMu", "1000");
        await page.ClickAsync("#prepare");
        await page.WaitForURLAsync("**/cooperative/dividends/2024?**");
        Assert.Equal("Draft", await page.GetAttributeAsync("#declaration-status", "data-status"));
        var declaration = await Json(context, "/api/cooperatives/coop-pzcili/dividends/2024");
        Assert.Equal(declaration.GetProperty("lineCount").GetInt32(), await page.Locator("#lines tr.line").CountAsync());

        // Four eyes: whoever prepared it cannot approve it.
        await page.ClickAsync("#approve");
        await Assertions.Expect(page.Locator(".validation-summary-errors")).Not.ToBeEmptyAsync();
        Assert.Equal("Draft", await page.GetAttributeAsync("#declaration-status", "data-status"));

        await page.GotoAsync("/cooperative/dividends/2024");
        await page.WaitForLive();
        await page.MarkDocument();
        var (financeContext, finance) = await app.SignedIn("coop.panzhou.finance", 1280);
        await finance.GotoAsync("/cooperative/dividends/2024");
        await finance.ClickAsync("#approve");
        await finance.WaitForURLAsync("**/cooperative/dividends/2024?**");
        Assert.Equal("Approved", await finance.GetAttributeAsync("#declaration-status", "data-status"));

        // The first admin's page hears the approval and re-words the status without a reload.
        await Assertions.Expect(page.Locator("#declaration-status[data-status='Approved']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await page.WasNotReloaded());

        await finance.ClickAsync("#publicise");
        await finance.WaitForURLAsync("**/cooperative/dividends/2024?**");
        Assert.Equal("Publicised", await finance.GetAttributeAsync("#declaration-status", "data-status"));
        await Assertions.Expect(page.Locator("#declaration-status[data-status='Publicised']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Payment waits for the notice to end: the refusal is explained, nothing is paid.
        await finance.ClickAsync("#pay");
        await Assertions.Expect(finance.Locator(".validation-summary-errors")).ToContainTextAsync("公示");
        Assert.Equal("Publicised", await finance.GetAttributeAsync("#declaration-status", "data-status"));
        await finance.Screenshot("cooperative-dividends-2024-publicised");
        await financeContext.CloseAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task InvoicesAreListedDownloadedAndAnEmptyMonthIsExplained()
    {
        var (context, page) = await app.SignedIn("coop.congjiang", 1280);
        await page.GotoAsync("/cooperative/invoices");
        var invoices = await Json(context, "/api/cooperatives/coop-cjxiang/invoices?limit=200");
        var total = invoices.GetProperty("total").GetInt32();
        Assert.True(total > 0, "the demo's union order from 从江 was invoiced");
        Assert.Equal(total, await page.Locator("tr.invoice").CountAsync());

        var bytes = await page.DownloadFile("tr.invoice >> nth=0 >> a:text('CSV')", "cooperative-invoice.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("发票号码", System.Text.Encoding.UTF8.GetString(bytes[3..]));

        await page.FillAsync("#BuyerId", "buyer-zhangwei");
        await page.ClickAsync("#issue-invoice button[type=submit]");
        await Assertions.Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync("没有");
        Assert.Equal(total, await page.Locator("tr.invoice").CountAsync());

        await page.FillAsync("#BuyerId", "not-a-buyer");
        await page.ClickAsync("#issue-invoice button[type=submit]");
        await Assertions.Expect(page.Locator("span[data-valmsg-for='BuyerId']")).Not.ToBeEmptyAsync();
        await context.CloseAsync();
    }

    private static string Labels(long fen) => Web.Localization.Labels.Money(fen);

    internal static async Task<JsonElement> Json(IBrowserContext context, string url)
    {
        var response = await context.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url}: {response.Status}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    private static async Task<int> Total(IBrowserContext context, string url) => (await Json(context, url)).GetProperty("total").GetInt32();
}
