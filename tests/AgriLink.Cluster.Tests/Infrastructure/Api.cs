using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace AgriLink.Cluster.Tests.Infrastructure;

public static class Api
{
    public const string DemoPassword = "AgriLink#2026";

    public static async Task<string> LoginAsync(this HttpClient client, string userName)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoPassword }, TestServices.Ct);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in as {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestServices.Ct)}");
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>(TestServices.Ct))!["accessToken"]!;
    }

    /// <summary>A client of <paramref name="node"/> signed in as <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(this NodeProcess node, string userName, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = node.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await node.Client.LoginAsync(userName));
        return client;
    }

    /// <summary>Sends JSON and returns the body of a success; fails the test on anything else.</summary>
    public static async Task<JsonObject> SendOk(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request, TestServices.Ct);
        var text = await response.Content.ReadAsStringAsync(TestServices.Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    public static Task<JsonObject> GetOk(this HttpClient client, string path) => client.SendOk(HttpMethod.Get, path);
}
