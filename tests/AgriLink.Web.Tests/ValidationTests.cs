using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>Bad input is a 4xx problem response, never a 500, and a refused write leaves everything as it was.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class ValidationTests(SeededApp app)
{
    private const string PzListings = "/api/listings?cooperativeId=coop-pzcili&limit=200";
    private const string CreatePzListing = "/api/cooperatives/coop-pzcili/listings";

    [Theory]
    [InlineData("malformed-json")]
    [InlineData("truncated-json")]
    [InlineData("price-as-text")]
    [InlineData("stock-as-text")]
    [InlineData("unknown-category")]
    [InlineData("category-as-number")]
    [InlineData("json-array")]
    [InlineData("json-null")]
    [InlineData("empty-body")]
    [InlineData("megabyte-title")]
    [InlineData("deeply-nested")]
    public async Task BadListingBodyIsRefusedAndCreatesNothing(string body)
    {
        var admin = await app.As("coop.panzhou");
        var before = await admin.Snapshot(PzListings);

        using var response = await admin.SendJson(HttpMethod.Post, CreatePzListing, BadBody(body));

        await AssertClientProblem(response);
        Assert.Equal(before, await admin.Snapshot(PzListings));
    }

    [Fact]
    public async Task MissingBodyAndContentTypeIsRefused()
    {
        var admin = await app.As("coop.panzhou");
        var before = await admin.Snapshot(PzListings);

        using var response = await admin.Post(CreatePzListing);

        await AssertClientProblem(response);
        Assert.Equal(before, await admin.Snapshot(PzListings));
    }

    [Fact]
    public async Task UnknownCharsetIsRefusedAndChangesNothing()
    {
        var admin = await app.As("coop.panzhou");
        var id = await admin.CreateDraft("coop-pzcili");
        var before = await admin.Snapshot($"/api/listings/{id}");
        var content = new StringContent("""{"stock":1}""");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=bogus");

        using var response = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/listings/{id}/stock") { Content = content }, Api.Ct);

        await AssertClientProblem(response);
        Assert.Equal(before, await admin.Snapshot($"/api/listings/{id}"));
    }

    [Fact]
    public async Task WrongTypeNamesTheFieldWithoutEchoingTheBody()
    {
        var admin = await app.As("coop.panzhou");
        var draft = Listings.Draft();
        draft["priceFen"] = "abc";

        using var response = await admin.SendJson(HttpMethod.Post, CreatePzListing, draft);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("$.priceFen", (string?)problem["detail"]);
        Assert.DoesNotContain("abc", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData(1_000_000_000_000L, "priceFen")]
    [InlineData(0L, "priceFen")]
    [InlineData(-650L, "priceFen")]
    public async Task AbsurdPriceIsAValidationProblemAndCreatesNothing(long priceFen, string field)
    {
        var admin = await app.As("coop.panzhou");
        var before = await admin.Snapshot(PzListings);

        using var response = await admin.SendJson(HttpMethod.Post, CreatePzListing, Listings.Draft(priceFen: priceFen));

        await response.AssertValidationProblem(field);
        Assert.Equal(before, await admin.Snapshot(PzListings));
    }

    [Fact]
    public async Task EveryInvalidFieldIsListed()
    {
        var admin = await app.As("coop.panzhou");
        var draft = Listings.Draft(priceFen: 0, stock: -1);
        draft["title"] = "  ";
        draft["countyCode"] = "52028";
        draft["minOrder"] = 0;
        draft["shelfLifeDays"] = 0;

        using var response = await admin.SendJson(HttpMethod.Post, CreatePzListing, draft);

        await response.AssertValidationProblem("title", "priceFen", "stock", "minOrder", "countyCode", "shelfLifeDays");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.2345")]
    [InlineData("1000000000.001")]
    [InlineData("1e30")]
    public async Task ImpossibleStockIsAValidationProblemAndChangesNothing(string stock)
    {
        var admin = await app.As("coop.panzhou");
        var id = await admin.CreateDraft("coop-pzcili");
        var before = await admin.Snapshot($"/api/listings/{id}");

        using var response = await admin.SendJson(HttpMethod.Put, $"/api/listings/{id}/stock", $$"""{"stock":{{stock}}}""");

        if (stock == "1e30")
            await AssertClientProblem(response); // beyond decimal's range: the JSON cannot be read at all
        else
            await response.AssertValidationProblem("stock");
        Assert.Equal(before, await admin.Snapshot($"/api/listings/{id}"));
    }

    [Fact]
    public async Task StockWithThreeDecimalsIsAccepted()
    {
        var admin = await app.As("coop.panzhou");
        var id = await admin.CreateDraft("coop-pzcili");

        using var response = await admin.SendJson(HttpMethod.Put, $"/api/listings/{id}/stock", """{"stock":12.125}""");

        var listing = await response.AssertOk();
        Assert.Equal(12.125m, (decimal)listing["draft"]!["stock"]!);
    }

    [Fact]
    public async Task InvalidEditLeavesTheListingAsItWas()
    {
        var admin = await app.As("coop.panzhou");
        var id = await admin.CreateDraft("coop-pzcili");
        var before = await admin.Snapshot($"/api/listings/{id}");
        var draft = Listings.Draft(title: new string('长', 101));

        using var response = await admin.SendJson(HttpMethod.Put, $"/api/listings/{id}", draft);

        await response.AssertValidationProblem("title");
        Assert.Equal(before, await admin.Snapshot($"/api/listings/{id}"));
    }

    [Fact]
    public async Task UnknownListingIsNotFound()
    {
        using var anonymous = await app.Anonymous().Get("/api/listings/lst-nope");
        using var stock = await (await app.As("coop.panzhou")).SendJson(HttpMethod.Put, "/api/listings/lst-nope/stock", """{"stock":1}""");

        await anonymous.AssertProblem(HttpStatusCode.NotFound);
        await stock.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownCooperativeIsNotFoundAndNotCreated()
    {
        var operatorClient = await app.As("operator");
        var profile = (await operatorClient.GetObject("/api/cooperatives/coop-pzcili"))["profile"]!.DeepClone();

        using var update = await operatorClient.SendJson(HttpMethod.Put, "/api/cooperatives/coop-nope/profile", profile);
        using var read = await app.Anonymous().Get("/api/cooperatives/coop-nope");

        await update.AssertProblem(HttpStatusCode.NotFound);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListingForAnUnknownCooperativeIsRefused()
    {
        using var response = await (await app.As("operator")).SendJson(HttpMethod.Post, "/api/cooperatives/coop-nope/listings", Listings.Draft());

        await response.AssertValidationProblem("cooperativeId");
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task OutOfRangePagingIsAValidationProblem(string query, string field)
    {
        using var response = await app.Anonymous().Get("/api/listings?" + query);

        await response.AssertValidationProblem(field);
    }

    [Theory]
    [InlineData("limit=abc")]
    [InlineData("status=Bogus")]
    public async Task UnreadableQueryIsABadRequest(string query)
    {
        using var response = await app.Anonymous().Get("/api/listings?" + query);

        await response.AssertProblem(HttpStatusCode.BadRequest);
    }

    private static async Task AssertClientProblem(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"Expected a 4xx, got {status}: {await response.Content.ReadAsStringAsync(Api.Ct)}");
        await response.AssertProblem(response.StatusCode);
    }

    private static string BadBody(string kind)
    {
        var draft = Listings.Draft();
        switch (kind)
        {
            case "malformed-json": return """{"title": "刺梨", "priceFen": 650,, }""";
            case "truncated-json": return draft.ToJsonString()[..40];
            case "price-as-text": draft["priceFen"] = "abc"; break;
            case "stock-as-text": draft["stock"] = "lots"; break;
            case "unknown-category": draft["category"] = "Spaceship"; break;
            case "category-as-number": draft["category"] = 0; break;
            case "json-array": return "[1,2,3]";
            case "json-null": return "null";
            case "empty-body": return "";
            case "megabyte-title": draft["title"] = new string('a', 1024 * 1024); break;
            case "deeply-nested": return "{\"title\":" + new StringBuilder().Insert(0, "[", 200) + new StringBuilder().Insert(0, "]", 200) + "}";
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
        return draft.ToJsonString();
    }
}
