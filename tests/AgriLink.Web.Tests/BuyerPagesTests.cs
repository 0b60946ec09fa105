using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Localization;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>The buyer's demand and quota pages over plain HTTP: form problems beside their fields, and per-object access.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class BuyerPagesTests(SeededApp app)
{
    [Fact]
    public async Task DemandFormProblemsShowBesideTheirFieldsIncludingNestedOnes()
    {
        var client = await SignedIn("buyer.canteen");
        var form = await client.GetText("/buyer/demands");

        using var response = await client.Post("/buyer/demands", Demand(Token(form), ("PartnerRegionCode", "999999"), ("MaxPrice", "1.234")));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("最多 2 位小数", Beside(html, "MaxPrice"));
        // Nothing reaches the API while the page's own check fails; fixed, the API's nested field goes beside its input.
        using var second = await client.Post("/buyer/demands", Demand(Token(html), ("PartnerRegionCode", "999999")));
        html = await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("行政区划代码", Beside(html, "PartnerRegionCode"));
    }

    [Fact]
    public async Task TheDemandFormPicksItsRegionsFromSelectsNotTypedCodes()
    {
        var client = await SignedIn("buyer.canteen");
        var form = WebUtility.HtmlDecode(await client.GetText("/buyer/demands"));

        // The checkout's picker, set from the canteen's own region (广东, 荔湾区 as its code: the platform names Guizhou's
        // divisions only); the partner region a choice of Guizhou's prefectures, no typed code.
        Assert.Contains("id=\"region-picker\"", form, StringComparison.Ordinal);
        Assert.Contains("""<option value="440000" selected="selected">""", Select(form, "Province"), StringComparison.Ordinal);
        Assert.Matches("""<input[^>]*name="DeliveryRegionCode"[^>]*value="440103"|<input[^>]*value="440103"[^>]*name="DeliveryRegionCode""", form);
        Assert.Contains("""<option value="522600">黔东南苗族侗族自治州</option>""", Select(form, "PartnerRegionCode"), StringComparison.Ordinal);
        Assert.DoesNotMatch("""<input[^>]*name="PartnerRegionCode""", form);

        // "选择地区" shows the chosen prefecture's counties and posts no demand.
        using var chosen = await client.Post("/buyer/demands?handler=Region", Demand(Token(form),
            ("DeliveryRegionCode", ""), ("Province", "520000"), ("Prefecture", "520200"), ("County", "")));
        var region = WebUtility.HtmlDecode(await chosen.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Contains("""<option value="520281">盘州市</option>""", Select(region, "County"), StringComparison.Ordinal);

        // The county picked and the partner chosen are the demand's.
        using var posted = await client.Post("/buyer/demands", Demand(Token(region), ("DeliveryRegionCode", ""), ("Province", "520000"),
            ("Prefecture", "520200"), ("County", "520281"), ("PartnerRegionCode", "522600")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var demand = WebUtility.HtmlDecode(await client.GetText(posted.Headers.Location!.OriginalString));
        Assert.Contains("""<span id="demand-region">贵州省六盘水市盘州市</span>""", demand, StringComparison.Ordinal);
        Assert.Contains("贵州省黔东南苗族侗族自治州", demand, StringComparison.Ordinal);

        // A county code typed outside the chosen province is refused beside the code, and nothing is posted.
        using var outside = await client.Post("/buyer/demands", Demand(Token(region), ("Province", "440000"), ("DeliveryRegionCode", "110105")));
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.NotEmpty(Beside(await outside.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "DeliveryRegionCode"));
    }

    private static string Select(string html, string name) =>
        Regex.Match(html, $"""<select[^>]*name="{name}"[^>]*>(?<o>.*?)</select>""", RegexOptions.Singleline).Groups["o"].Value;

    [Fact]
    public async Task TheApisFieldMessageIsInChineseWithItsFigures()
    {
        var client = await SignedIn("buyer.canteen");
        var form = await client.GetText("/buyer/demands");

        // Past the API's horizon: its English message ("must be between today (…) and 730 days ahead.") is worded in Chinese.
        using var response = await client.Post("/buyer/demands", Demand(Token(form), ("DeliverBy", "2039-01-01")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($@"^最晚交货日期: 须在今天（\d{{4}}-\d{{2}}-\d{{2}}）到 {Domain.Matching.DemandSpec.MaxDaysAhead} 天以后之间。$", Beside(html, "DeliverBy"));
        Assert.DoesNotContain("must be", html, StringComparison.Ordinal);   // nor MVC's own (data-val-number)

        // A value that does not even bind is told in Chinese beside its input, and nothing is posted.
        using var unbound = await client.Post("/buyer/demands", Demand(Token(html), ("Quantity", "一百")));
        html = WebUtility.HtmlDecode(await unbound.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, unbound.StatusCode);
        Assert.Equal("“一百”不是有效的值。", Beside(html, "Quantity"));
        Assert.DoesNotContain("not valid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADemandPageIsItsBuyersOnly()
    {
        var canteen = await SignedIn("buyer.canteen");
        using var posted = await canteen.Post("/buyer/demands", Demand(Token(await canteen.GetText("/buyer/demands")), ("MaxPrice", "70")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var path = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/buyer/demands/dmd-", path);
        Assert.Contains("¥70.00", await canteen.GetText(path));

        var consumer = await SignedIn("buyer.consumer");
        using var other = await consumer.GetAsync(path, TestContext.Current.CancellationToken);
        using var unknown = await consumer.GetAsync("/buyer/demands/dmd-nosuchthing", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task QuotaPageDrawsTheMonthsSoFarWithTheApisFigures()
    {
        var canteen = await SignedIn("buyer.canteen");
        var progress = await canteen.GetObject("/api/buyers/buyer-gzcanteen/quota");
        var html = await canteen.GetText("/buyer/quota");
        var months = progress["months"]!.AsArray();
        var through = DividendHelpers.ChinaToday.Month;

        var rows = Regex.Matches(html, """<tr data-month="(?<m>\d+)">\s*<th scope="row">(?<name>[^<]+)</th>\s*<td class="num" data-col="month" data-fen="(?<f>\d+)">(?<money>[^<]+)</td>\s*<td class="num" data-col="cumulative" data-fen="(?<c>\d+)">""");
        Assert.Equal(Enumerable.Range(1, through), rows.Select(r => int.Parse(r.Groups["m"].Value, CultureInfo.InvariantCulture)));
        foreach (Match row in rows)
        {
            var month = months[int.Parse(row.Groups["m"].Value, CultureInfo.InvariantCulture) - 1]!;
            Assert.Equal((long)month["countedFen"]!, long.Parse(row.Groups["f"].Value, CultureInfo.InvariantCulture));
            Assert.Equal((long)month["cumulativeFen"]!, long.Parse(row.Groups["c"].Value, CultureInfo.InvariantCulture));
            Assert.Equal(Labels.Money((long)month["countedFen"]!), row.Groups["money"].Value);
            Assert.Equal($"{row.Groups["m"].Value}月", row.Groups["name"].Value);
        }
        // The chart: titled and described, one point of the cumulative line per month so far, the quota line at the API's quota.
        Assert.Contains("""<title id="quota-months-title">预留份额按月累计进度</title>""", html);
        Assert.Contains($"累计计入 {Labels.Money((long)months[through - 1]!["cumulativeFen"]!)}", html);
        Assert.Equal(through, Regex.Count(html, """<circle class="point" """));
        Assert.Contains($"""<g class="quota-line" data-fen="{(long)progress["quotaFen"]!}">""", html);
        Assert.Equal(12, Regex.Count(html, """<g class="month" data-month="""));
    }

    [Fact]
    public async Task QuotaMonthsAreInEnglishOnEnglishPages()
    {
        var canteen = await SignedIn("buyer.canteen");
        await English(canteen);

        var html = await canteen.GetText("/buyer/quota");

        Assert.Contains("""<h2 id="quota-months-heading">Progress by month</h2>""", html);
        Assert.Contains("""<th scope="row">Jan</th>""", html);
        Assert.Contains("""<title id="quota-months-title">Reserve quota progress by month</title>""", html);
        Assert.DoesNotContain("按月", html);
    }

    [Fact]
    public async Task DemandPageExplainsMatchesInThePagesLanguage()
    {
        var canteen = await SignedIn("buyer.canteen");
        using var posted = await canteen.Post("/buyer/demands", Demand(Token(await canteen.GetText("/buyer/demands")), ("MaxPrice", "5")));
        var demand = posted.Headers.Location!.OriginalString;   // /buyer/demands/dmd-…
        var path = demand + "?explainExcluded=true";
        var matches = await canteen.GetObject($"/api/demands/{demand.Split('/')[^1]}/matches?explainExcluded=true");

        // Chinese: the API's explanations word for word, nothing marked as another language.
        var chinese = await canteen.GetText(path);
        var components = matches["items"]!.AsArray().SelectMany(m => m!["components"]!.AsArray()).ToList();
        Assert.NotEmpty(components);
        Assert.All(components, c => Assert.Contains($"""<span class="why">{(string)c!["explanation"]!}</span>""", chinese));
        Assert.All(components, c => Assert.NotNull(c!["arguments"]));
        Assert.DoesNotContain("""<span class="why"><span lang="zh-CN">""", chinese);

        // English: every explanation and exclusion reason in English, only place names left in (marked) Chinese.
        await English(canteen);
        var english = await canteen.GetText(path);
        var items = Regex.Matches(english, """<li data-(?:component="[a-z]+" data-)?code="(?<code>[a-z.-]+)">(?<body>.*?)</li>""", RegexOptions.Singleline);
        Assert.True(items.Count >= components.Count, $"{items.Count} explanations for {components.Count} components");
        Assert.Contains(items, i => i.Groups["code"].Value.StartsWith("price.", StringComparison.Ordinal) && i.Groups["body"].Value.Contains("Unit price", StringComparison.Ordinal));
        foreach (Match item in items)
        {
            var words = Regex.Replace(item.Groups["body"].Value, """<span lang="zh-CN">[^<]*</span>""", "");
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", words);
        }
        var split = Regex.Match(english, """<p id="split-explanation">(?<s>[^<]*)</p>""").Groups["s"].Value;
        Assert.Matches(@"^(\d+ products from \d+ cooperatives make up|No eligible product|Eligible supply reaches)", split);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", split);
    }

    private static async Task English(HttpClient client)
    {
        using var chosen = await client.Post("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "/", ["__RequestVerificationToken"] = Token(await client.GetText("/buyer/quota")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
    }

    private Task<HttpClient> SignedIn(string userName) => app.Factory.SignedIn(userName);

    private static FormUrlEncodedContent Demand(string token, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Title"] = "食堂水果", ["Category"] = "Fruit", ["Quantity"] = "100", ["Unit"] = "Jin",
            ["DeliverBy"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"), ["DeliveryRegionCode"] = "440103",
        };
        foreach (var (name, value) in changes) fields[name] = value;
        return new FormUrlEncodedContent(fields);
    }

    private static string Token(string html) => PageForms.Token(html);

    private static string Beside(string html, string field) =>
        Regex.Match(html, $"""<span class="field-validation-error" data-valmsg-for="{field}"[^>]*>(?<m>[^<]*)</span>""").Groups["m"].Value;
}
