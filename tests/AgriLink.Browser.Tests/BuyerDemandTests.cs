using System.Globalization;
using System.Text.Json;
using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// The buyer's side beyond the cart: search with facets and sorts on /market, a demand with explained matches whose
/// multi-cooperative split is ordered in one go, and a budget unit's quota chart.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class BuyerDemandTests(BrowserApp app)
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task BuyerSearchesWithAFacetAndSortsByPrice(int width)
    {
        var (context, page) = await app.SignedIn("buyer.consumer", width);
        var all = await MarketTotal(page);

        await page.ClickAsync("a[data-facet='category:Tea']");
        await page.WaitForURLAsync("**/market?category=Tea");
        var tea = int.Parse(await page.GetAttributeAsync("#result-count", "data-total") ?? "", CultureInfo.InvariantCulture);
        var meta = await page.Locator(".listing .meta").AllInnerTextsAsync();
        Assert.True(tea > 0 && tea < all, $"{tea} tea listings of {all}");
        Assert.Equal(tea, meta.Count);
        Assert.All(meta, m => Assert.EndsWith("茶叶", m.Trim()));
        Assert.Equal("true", await page.GetAttributeAsync("a[data-facet='category:Tea']", "aria-current"));

        await page.ClickAsync("a[data-sort='PriceAsc']");
        await page.WaitForURLAsync("**/market?category=Tea&sort=PriceAsc");
        var prices = (await page.Locator(".listing .price").AllInnerTextsAsync())
            .Select(p => decimal.Parse(p.TrimStart('¥'), NumberStyles.Number, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(tea, prices.Count);
        Assert.Equal(prices.Order(), prices);

        // A second facet narrows further; the search box keeps both.
        await page.ClickAsync("a[data-facet='county:520328']");
        await page.WaitForURLAsync(u => u.Contains("county=520328", StringComparison.Ordinal));
        Assert.All(await page.Locator(".listing .meta").AllInnerTextsAsync(), m => Assert.StartsWith("湄潭县", m.Trim()));
        await page.FillAsync("#q", "红茶");
        await page.ClickAsync("form[role=search] button");
        await page.WaitForURLAsync(u => u.Contains("q=", StringComparison.Ordinal));
        Assert.Equal(["遵义红 工夫红茶 200克"], await page.Locator(".listing h2").AllInnerTextsAsync());
        await page.Screenshot("buyer-market-search-facets");
        await context.CloseAsync();
    }

    [Fact]
    public async Task SearchProblemsAreShownNotThrown()
    {
        var context = await app.NewContext(360);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/market?minPrice=abc");
        Assert.Equal(200, response?.Status);
        Assert.Contains("最低价格", await page.InnerTextAsync(".validation-summary-errors"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task BuyerPostsADemandSeesExplainedMatchesAndOrdersTheSplit()
    {
        var (context, page) = await app.SignedIn("buyer.canteen", 360);
        await page.GotoAsync("/buyer/demands");

        // Neither a category nor keywords: refused, the message beside the category, nothing posted.
        var before = await page.Locator(".demand").CountAsync();
        await page.FillAsync("#Title", "食堂干菌采购");
        await page.FillAsync("#Quantity", "3000");
        await page.ClickAsync("#post-demand-submit");
        await page.WaitForLoadStateAsync();
        Assert.Contains("请选择品类或填写关键词", await page.InnerTextAsync("[data-valmsg-for=Category]"));
        Assert.Equal(before, await page.Locator(".demand").CountAsync());
        await page.Screenshot("buyer-demand-form-problem");

        // 3,000 斤 of dried mushrooms: no cooperative has that much, two together do.
        await page.SelectOptionAsync("#Category", "Mushroom");
        await page.SelectOptionAsync("#Unit", "Jin");
        await page.ClickAsync("#post-demand-submit");
        await page.WaitForURLAsync("**/buyer/demands/dmd-*");
        var demandId = page.Url.Split('/')[^1];

        var matches = page.Locator(".match");
        Assert.True(await matches.CountAsync() >= 2);
        foreach (var match in await matches.AllAsync())
        {
            var parts = await match.Locator(".explanation li").AllInnerTextsAsync();
            Assert.Contains(parts, p => p.StartsWith("数量", StringComparison.Ordinal) && p.Contains("可售", StringComparison.Ordinal));
            Assert.Contains(parts, p => p.StartsWith("帮扶优先", StringComparison.Ordinal));
            Assert.True(parts.Count >= 5, string.Join(" | ", parts));
            var score = decimal.Parse(await match.GetAttributeAsync("data-score") ?? "", CultureInfo.InvariantCulture);
            var points = (await match.Locator(".explanation li strong").AllAsync()).Count;
            Assert.InRange(score, 0, 100);
            Assert.True(points >= 5);
        }
        Assert.Contains("扶贫产品认定", await page.InnerTextAsync(".match[data-listing='lst-cjfungus'] [data-component=poverty]"));
        Assert.Equal("true", await page.GetAttributeAsync("#split", "data-covers"));
        Assert.Equal(["coop-cjxiang", "coop-mttea"],
            (await page.Locator(".split-line").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.cooperative)")).Order(StringComparer.Ordinal));
        var splitTotal = await page.InnerTextAsync("#split-total");
        await page.Screenshot("buyer-demand-matches");
        await page.SetViewportSizeAsync(1280, 900);
        await page.Screenshot("buyer-demand-matches");

        // What was left out is listed on request, each with its reason (the 竹荪 is sold by the bag, not by weight).
        await page.ClickAsync("#explain-excluded");
        await page.WaitForURLAsync("**explainExcluded=true");
        var reasons = await page.Locator(".match[data-eligible=false] .exclusions li").AllInnerTextsAsync();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));

        await page.FillAsync("#DeliveryAddress", "广州市荔湾区中山八路 1 号 机关食堂");
        await page.ClickAsync("#order-split button[type=submit]");
        await page.WaitForURLAsync("**/buyer/orders/ord-*");
        Assert.Equal(["coop-cjxiang", "coop-mttea"],
            (await page.Locator(".suborder").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.cooperative)")).Order(StringComparer.Ordinal));
        Assert.Contains(splitTotal, await page.InnerTextAsync("#order"));
        await page.Screenshot("buyer-demand-split-ordered");

        // The demand is listed; the split can no longer be covered from what is left, so no second order is offered.
        await page.GotoAsync("/buyer/demands");
        Assert.Equal(1, await page.Locator($".demand[data-demand='{demandId}']").CountAsync());
        await page.GotoAsync($"/buyer/demands/{demandId}");
        Assert.Equal("false", await page.GetAttributeAsync("#split", "data-covers"));
        Assert.Equal(0, await page.Locator("#order-split").CountAsync());
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task BudgetUnitSeesItsQuotaChartWithTheApisFigures(int width)
    {
        var (context, page) = await app.SignedIn("buyer.canteen", width);
        await page.GotoAsync("/buyer/quota");
        using var progress = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/buyers/buyer-gzcanteen/quota")).TextAsync());
        var quotaFen = progress.RootElement.GetProperty("quotaFen").GetInt64();
        var countedFen = progress.RootElement.GetProperty("countedFen").GetInt64();

        var chart = page.Locator("svg#quota-chart");
        Assert.True(await chart.IsVisibleAsync());
        Assert.Equal(90_000_000, quotaFen);   // ¥3,000,000 canteen budget × Guangdong's 30%
        Assert.Equal("¥900,000.00", await chart.Locator(".bar.quota .value").TextContentAsync());
        Assert.Equal(quotaFen.ToString(CultureInfo.InvariantCulture), await chart.Locator(".bar.quota .value").GetAttributeAsync("data-fen"));
        Assert.Equal(countedFen.ToString(CultureInfo.InvariantCulture), await chart.Locator(".bar.counted .value").GetAttributeAsync("data-fen"));
        var segments = await chart.Locator(".segment").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.fen))");
        Assert.Equal(countedFen, segments.Sum());
        Assert.Contains("¥900,000.00", await chart.Locator("desc").TextContentAsync());
        Assert.Equal("240", await chart.Locator(".bar.quota rect").GetAttributeAsync("width"));

        // The table says the same as the chart.
        Assert.Equal(await chart.Locator(".bar.quota .value").TextContentAsync(), await page.InnerTextAsync("#quota-table [data-row=quota]"));
        Assert.Equal(await chart.Locator(".bar.counted .value").TextContentAsync(), await page.InnerTextAsync("#quota-table [data-row=counted]"));

        // Month by month: the API's cumulative figures in the table, one point of the line per month so far, the same quota.
        var months = progress.RootElement.GetProperty("months").EnumerateArray().ToList();
        var rows = page.Locator("#quota-months-table tbody tr");
        var shown = await rows.CountAsync();
        Assert.InRange(shown, 1, 12);
        Assert.Equal(shown, await page.Locator("#quota-months-chart circle.point").CountAsync());
        Assert.Equal(months[shown - 1].GetProperty("cumulativeFen").GetInt64().ToString(CultureInfo.InvariantCulture),
            await rows.Nth(shown - 1).Locator("[data-col=cumulative]").GetAttributeAsync("data-fen"));
        Assert.Equal(quotaFen.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#quota-months-chart .quota-line", "data-fen"));
        Assert.True(await page.Locator("#quota-months-chart").IsVisibleAsync());

        // It follows the unit's live topic and redraws on quota.progress.
        await page.WaitForLive();
        Assert.Contains("quota.progress", await page.GetAttributeAsync("body", "data-live-refresh") ?? "");
        await page.Screenshot("buyer-quota");
        await context.CloseAsync();
    }

    [Fact]
    public async Task QuotaChartRedrawsLiveWhenTheBudgetIsRevised()
    {
        var (context, page) = await app.SignedIn("buyer.canteen", 360);
        await page.GotoAsync("/buyer/quota");
        await page.WaitForLive();
        await page.MarkDocument();
        var year = int.Parse(await page.GetAttributeAsync("#quota", "data-year") ?? "", CultureInfo.InvariantCulture);
        try
        {
            // The unit revises its canteen budget through the API: ¥4,000,000 × 30% = ¥1,200,000.
            var revised = await Declare(page, year, 400_000_000);
            Assert.True(revised.Ok, $"{revised.Status} {await revised.TextAsync()}");
            await page.WaitForFunctionAsync("s => document.querySelector('#quota-chart .bar.quota .value').textContent.trim() === s", "¥1,200,000.00");
            Assert.True(await page.WasNotReloaded());
            Assert.Equal("¥1,200,000.00", await page.InnerTextAsync("#quota-table [data-row=quota]"));
            Assert.Equal("120000000", await page.GetAttributeAsync("#quota-months-chart .quota-line", "data-fen"));
        }
        finally
        {
            var restored = await Declare(page, year, 300_000_000);
            Assert.True(restored.Ok, $"{restored.Status} {await restored.TextAsync()}");
        }
        await context.CloseAsync();
    }

    private static Task<IAPIResponse> Declare(IPage page, int year, long budgetFen) =>
        page.APIRequest.PutAsync($"/api/buyers/buyer-gzcanteen/quota/{year}", new APIRequestContextOptions
        {
            DataObject = new { canteenFoodBudgetFen = budgetFen, canteen = "SelfRun" },
        });

    [Fact]
    public async Task BuyersWithoutAQuotaAreToldSo()
    {
        var (context, page) = await app.SignedIn("buyer.union", 360);
        var response = await page.GotoAsync("/buyer/quota");
        Assert.Equal(200, response?.Status);
        Assert.True(await page.Locator("#no-quota").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("svg#quota-chart").CountAsync());
        await context.CloseAsync();
    }

    /// <summary>The unfiltered market's total, once the search index (filled in the background at start) has the demo listings.</summary>
    internal static async Task<int> MarketTotal(IPage page)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.GotoAsync("/market");
            var total = int.Parse(await page.GetAttributeAsync("#result-count", "data-total") ?? "0", CultureInfo.InvariantCulture);
            if (total > 20 || attempt == 30) return total;
            await Task.Delay(500);
        }
    }
}
