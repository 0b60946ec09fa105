using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace AgriLink.Web.Tests.Infrastructure;

public static class Api
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Every request in these tests is cancelled with the test.</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> Get(this HttpClient client, string path) => client.GetAsync(path, Ct);

    public static Task<string> GetText(this HttpClient client, string path) => client.GetStringAsync(path, Ct);

    public static Task<HttpResponseMessage> Post(this HttpClient client, string path, HttpContent? content = null) =>
        client.PostAsync(path, content, Ct);

    /// <summary>Signs in and returns the bearer access token; fails the test on anything but 200.</summary>
    public static async Task<string> LoginAsync(this HttpClient client, string userName, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Sign-in as {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        return (string?)body?["accessToken"] ?? throw new InvalidOperationException("No accessToken in the sign-in response.");
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpResponseMessage> PostLogin(this HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password }, Ct);

    /// <summary>Asserts the status and an RFC 9457 body whose <c>status</c> agrees; returns the problem.</summary>
    public static async Task<JsonObject> AssertProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {Shorten(text)}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int?)problem["status"]);
        return problem;
    }

    /// <summary>A 400 problem whose <c>errors</c> name exactly the given fields.</summary>
    public static async Task<JsonObject> AssertValidationProblem(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        var errors = Assert.IsType<JsonObject>(problem["errors"]);
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        return problem;
    }

    public static async Task<JsonObject> AssertOk(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {Shorten(text)}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> GetObject(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        return await response.AssertOk();
    }

    public static async Task<JsonArray> GetArray(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {Shorten(text)}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>The resource's JSON exactly as served, to compare before and after a refused write.</summary>
    public static async Task<string> Snapshot(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {Shorten(text)}");
        return text;
    }

    public static Task<HttpResponseMessage> SendJson(this HttpClient client, HttpMethod method, string path, string json) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, Ct);

    public static Task<HttpResponseMessage> SendJson(this HttpClient client, HttpMethod method, string path, JsonNode json) =>
        client.SendJson(method, path, json.ToJsonString());

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
