using System.Net;
using System.Text;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Issue 16, items 4 and 5: ids no one could have been given and bodies in charsets no one decodes are the client's
/// mistakes, answered with a 4xx problem before any grain is touched, never a 500.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class MalformedInputTests(SeededApp app)
{
    /// <summary>Each route that takes an id, as (method, template with {0} for the id, body).</summary>
    public static TheoryData<string, string> Routes() => new()
    {
        { "GET", "/api/cooperatives/{0}" },
        { "GET", "/api/listings/{0}" },
        { "GET", "/api/enterprises/{0}" },
        { "GET", "/api/village-collectives/{0}" },
        { "GET", "/api/households/{0}" },
        { "GET", "/api/households/{0}/holdings" },
        { "GET", "/api/buyers/{0}" },
        { "GET", "/api/buyers/{0}/orders" },
        { "GET", "/api/buyers/{0}/quota" },
        { "GET", "/api/orders/{0}" },
        { "GET", "/api/demands/{0}" },
        { "GET", "/api/offtake-contracts/{0}" },
        { "GET", "/api/invoices/{0}" },
        { "GET", "/api/cooperatives/{0}/orders" },
        { "GET", "/api/cooperatives/{0}/dividends" },
        { "GET", "/api/cooperatives/{0}/admission" },
        { "POST", "/api/listings/{0}/pause" },
        { "PUT", "/api/listings/{0}/stock" },
        { "DELETE", "/api/cooperatives/coop-pzcili/members/{0}" },
    };

    private static readonly string[] BadIds = ["%20", "%20%20", "%09", "%E2%80%AE", "%E2%80%8B", new string('a', 300), "..%2Fx", "coop-pzcili%20"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AWhitespaceIdIsA400ProblemForAnOperator(string method, string template)
    {
        var operatorClient = await app.As("operator");
        foreach (var id in BadIds)
        {
            using var response = await Send(operatorClient, method, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id));
            var status = (int)response.StatusCode;
            Assert.True(status is 400 or 404, $"{method} {template} with '{id}': {status} {await response.Content.ReadAsStringAsync(Api.Ct)}");
            Assert.Equal(Api.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/api/cooperatives/%20")]
    [InlineData("/api/listings/%20")]
    [InlineData("/api/enterprises/%20")]
    [InlineData("/api/village-collectives/%20")]
    public async Task AnonymouslyAWhitespaceIdIsA400Problem(string path)
    {
        using var response = await app.Anonymous().Get(path);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal("urn:agrilink:problem:malformed-id", (string?)problem["type"]);
    }

    [Fact]
    public async Task AWellFormedIdStillWorks()
    {
        Assert.Equal("coop-pzcili", (string?)(await app.Anonymous().GetObject("/api/cooperatives/coop-pzcili"))["id"]);
    }

    [Theory]
    [InlineData("/buyer/orders", "operator coop.panzhou farmer.pz01 county.panzhou")]
    [InlineData("/buyer/quota", "operator coop.panzhou farmer.pz01")]
    [InlineData("/buyer/demands", "operator ent.qianfeng")]
    [InlineData("/household", "operator coop.panzhou buyer.canteen")]
    [InlineData("/household/dividends", "operator buyer.canteen")]
    [InlineData("/enterprise", "operator coop.panzhou buyer.canteen")]
    [InlineData("/cooperative/listings", "operator farmer.pz01 buyer.canteen")]
    public async Task APageOfAnotherRoleIsRefusedNotAFault(string path, string users)
    {
        foreach (var user in users.Split(' '))
        {
            var client = await app.Factory.SignedIn(user);
            client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

            using var response = await client.Get(path);

            // Refused: a 403, which a signed-in browser gets as the redirect to the access-denied page; never the page, never a fault.
            var status = (int)response.StatusCode;
            Assert.True(status is 403 or 302, $"{user} on {path}: {status}");
            if (status == 302) Assert.Contains("/account/accessdenied", response.Headers.Location?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/household?id=%20")]
    [InlineData("/household/dividends?id=%20")]
    [InlineData("/cooperative/listings?coop=%20")]
    [InlineData("/cooperative/members?coop=%20")]
    [InlineData("/enterprise?id=%20")]
    public async Task AWhitespaceIdOnAPageIsRefusedNotAFault(string path)
    {
        var client = await app.Factory.SignedIn("operator");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await client.Get(path);

        var status = (int)response.StatusCode;
        Assert.True(status is 400 or 403 or 404 or 302, $"{path}: {status}");
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("UTF-7")]
    [InlineData("bogus")]
    [InlineData("\"utf-7\"")]
    public async Task AnUnsupportedCharsetIsA415ProblemOnAnyRoute(string charset)
    {
        var admin = await app.As("coop.panzhou");
        var id = await admin.CreateDraft("coop-pzcili");
        var before = await admin.Snapshot($"/api/listings/{id}");

        foreach (var (method, path) in new[] { ("PUT", $"/api/listings/{id}/stock"), ("POST", "/api/auth/login"), ("GET", "/api/listings"), ("POST", "/api/orders") })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("""{"stock":1}""") };
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
            using var response = await admin.SendAsync(request, Api.Ct);

            await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        }
        Assert.Equal(before, await admin.Snapshot($"/api/listings/{id}"));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = new StringContent("""{"stock":1}""", Encoding.UTF8, "application/json");
        return client.SendAsync(request, Api.Ct);
    }
}
