using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Postgres;

/// <summary>The whole app with Storage:Provider=PostgreSQL: the demo seeds into PostgreSQL and an order outlives a restart.</summary>
public sealed class PostgresAppTests
{
    [Fact]
    public async Task TheAppSeedsTheDemoIntoPostgresAndKeepsAnOrderAcrossARestart()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var folder = new TempFolder();
        var settings = PostgresApps.Settings(database, seedDemo: true);
        string orderId, listingId;
        JsonObject placed, listing;

        await using (var first = PostgresApps.Start(folder.Path, settings))
        {
            var signIn = new DemoSignIn(first);
            listingId = await PostgresApps.ActiveListing(await signIn.As("coop.panzhou"));
            var buyer = await signIn.As("buyer.canteen");
            orderId = await PostgresApps.PlaceOrder(buyer, listingId, quantity: 12);
            placed = await buyer.GetObject($"/api/orders/{orderId}");
            listing = await signIn.Anonymous().GetObject($"/api/listings/{listingId}");
        }

        // Everything went to PostgreSQL: no SQLite file was made, and the demo's users, grains and audit are there.
        Assert.False(File.Exists(Path.Combine(folder.Path, "agrilink.db")));
        Assert.True(await database.CountAsync("AspNetUsers") >= 10);
        Assert.True(await database.CountAsync("grain_state") > 50);
        Assert.True(await database.CountAsync("audit_log") > 0);
        Assert.Equal(88m, (decimal)listing["draft"]!["stock"]!);

        await using var second = PostgresApps.Start(folder.Path, settings);
        var again = new DemoSignIn(second);
        var reread = await (await again.As("buyer.canteen")).GetObject($"/api/orders/{orderId}");
        Assert.Equal(placed.ToJsonString(), reread.ToJsonString());
        Assert.Equal(listing.ToJsonString(), (await again.Anonymous().GetObject($"/api/listings/{listingId}")).ToJsonString());
        using var foreign = await (await again.As("buyer.consumer")).Get($"/api/orders/{orderId}");
        await foreign.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListsAndTheDashboardReadTheProjectionsOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var folder = new TempFolder();
        await using var app = PostgresApps.Start(folder.Path, PostgresApps.Settings(database, seedDemo: true));
        var signIn = new DemoSignIn(app);
        var buyer = await signIn.As("buyer.canteen");
        var coop = await signIn.As("coop.panzhou");
        var listingId = await PostgresApps.ActiveListing(coop);
        var orders = new List<string>();
        for (var i = 0; i < 3; i++) orders.Add(await PostgresApps.PlaceOrder(buyer, listingId, quantity: 10 + i));

        // Keyset pages of the buyer's orders, newest first, each once.
        var walked = new List<string>();
        for (string? after = null; ;)
        {
            var page = await buyer.GetObject("/api/buyers/buyer-gzcanteen/orders?limit=2" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
            walked.AddRange(page["items"]!.AsArray().Select(o => (string)o!["orderId"]!));
            if ((after = (string?)page["next"]) is null) break;
        }
        Assert.Equal(walked.Distinct().Count(), walked.Count);
        Assert.Subset(walked.ToHashSet(), orders.ToHashSet());

        // A cooperative admin's listing list (its own drafts, others' public ones), households by scope, the dashboard.
        var listings = await coop.GetObject("/api/listings?limit=200");
        Assert.Contains(listingId, listings["items"]!.AsArray().Select(l => (string)l!["id"]!));
        var households = await coop.GetObject("/api/households?limit=200");
        Assert.NotEmpty(households["items"]!.AsArray());
        var incoming = await coop.GetObject("/api/cooperatives/coop-pzcili/orders?limit=200");
        Assert.Subset(incoming["items"]!.AsArray().Select(o => (string)o!["orderId"]!).ToHashSet(), orders.ToHashSet());
        var hits = await signIn.Anonymous().GetObject("/api/search/listings?q=%E5%88%BA%E6%A2%A8");
        Assert.NotEmpty(hits["items"]!.AsArray());

        // The dashboard's aggregates, in PostgreSQL's SQL: the three orders are sales of 盘州's county.
        var impact = new Grains.Projections.ImpactQueries(Storage.AgriLinkDatabase.Postgres(database.ConnectionString));
        var counties = await impact.ByCounty(["Placed", "Shipped", "Delivered", "Completed"]);
        var panzhou = Assert.Single(counties, c => c.CountyCode == "520281");
        Assert.True(panzhou.Orders >= 3 && panzhou.SalesFen > 0 && panzhou.Members > 0 && panzhou.Cooperatives >= 1);
        Assert.NotEmpty(await impact.HouseholdsOnRegisters());
        Assert.NotEmpty(await impact.MarketplaceSalesOfHouseholdsOnRegisters());
        // What the page reads: the county totals kept as rows, equal to the aggregates above.
        var totals = await Operator.CountyTotalsTests.AssertTotalsMatch(impact);
        Assert.Contains(totals.Counties, c => c.CountyCode == "520281" && c.Orders == panzhou.Orders && c.SalesFen == panzhou.SalesFen);

        // Reviews on PostgreSQL: the three delivered orders rated 3, 4 and 5 for quality; the listing's rating, its pages
        // newest first by the sort key, and a hidden review leaving both.
        for (var i = 0; i < orders.Count; i++)
        {
            using (var shipped = await coop.Post($"/api/orders/{orders[i]}/suborders/coop-pzcili/ship")) await shipped.AssertOk();
            using (var delivered = await buyer.Post($"/api/orders/{orders[i]}/suborders/coop-pzcili/deliver")) await delivered.AssertOk();
            using var reviewed = await buyer.SendJson(HttpMethod.Post, $"/api/orders/{orders[i]}/reviews", new JsonObject
            {
                ["cooperativeId"] = "coop-pzcili", ["quality"] = 3 + i, ["freshness"] = 5, ["packaging"] = 4, ["delivery"] = 5, ["comment"] = $"第{i + 1}单",
            });
            await reviewed.AssertOk(HttpStatusCode.Created);
        }
        var rating = (await signIn.Anonymous().GetObject($"/api/listings/{listingId}/reviews"))["rating"]!;
        Assert.Equal([3, 40, 50, 40, 50], new[] { "count", "qualityTenths", "freshnessTenths", "packagingTenths", "deliveryTenths" }.Select(k => (int)rating[k]!));
        var comments = new List<string>();
        for (string? before = null; ;)
        {
            var page = (await signIn.Anonymous().GetObject($"/api/listings/{listingId}/reviews?limit=2" + (before is null ? "" : $"&before={Uri.EscapeDataString(before)}")))["reviews"]!;
            comments.AddRange(page["items"]!.AsArray().Select(r => (string)r!["comment"]!));
            if ((before = (string?)page["next"]) is null) break;
        }
        Assert.Equal(["第3单", "第2单", "第1单"], comments);
        using (var hidden = await (await signIn.As("operator")).SendJson(HttpMethod.Post, $"/api/orders/{orders[2]}/reviews/coop-pzcili/hide",
                   new JsonObject { ["text"] = "测试隐藏" }))
            await hidden.AssertOk();
        var left = await signIn.Anonymous().GetObject($"/api/listings/{listingId}/reviews");
        Assert.Equal([2, 35], new[] { "count", "qualityTenths" }.Select(k => (int)left["rating"]![k]!));
        Assert.Equal(["第2单", "第1单"], left["reviews"]!["items"]!.AsArray().Select(r => (string)r!["comment"]!));
    }

    [Fact]
    public async Task TheBoardsPrintedNoticeAndFundDisclosureReadThePostgresProjections()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var folder = new TempFolder();
        await using var app = PostgresApps.Start(folder.Path, PostgresApps.Settings(database, seedDemo: true));
        var anyone = new DemoSignIn(app).Anonymous();

        var board = await anyone.GetStringAsync("/board/coop-pzcili", Api.Ct);
        Assert.Matches("data-check-code>[0-9A-F]{4}(-[0-9A-F]{4}){3}</code>", board);
        using (var pdf = await anyone.GetAsync("/board/coop-pzcili/notice.pdf", Api.Ct))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        }
        var county = await anyone.GetStringAsync("/board/funds/520281", Api.Ct);
        Assert.Contains("data-fund=\"fund-pz-2017\"", county, StringComparison.Ordinal);
        Assert.Matches(@"<td>2025</td><td>8</td>", county);
        var fund = await anyone.GetStringAsync("/board/coop-pzcili/funds/fund-pz-2017", Api.Ct);
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(fund, @"<tr><td>[^<]+</td><td>¥").Count);
        var village = await anyone.GetStringAsync("/board/village/520281/" + Uri.EscapeDataString("舍烹村"), Api.Ct);
        Assert.Matches(@"<tr><td>2025</td><td>¥[\d,]+\.\d{2}</td></tr>", village);
    }
}
