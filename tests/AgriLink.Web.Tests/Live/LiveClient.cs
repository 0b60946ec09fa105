using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace AgriLink.Web.Tests.Live;

/// <summary>What the hub tests do as a demo user against an app process: follow the hub, call the API, await an event.</summary>
internal static class LiveClient
{
    /// <summary>A hub connection signed in as <paramref name="user"/>, with automatic and stateful reconnect as the README advises.</summary>
    public static async Task<HubConnection> ConnectAsync(AppProcess app, string user, Action<JsonElement> onEvent)
    {
        var token = await app.Client.LoginAsync(user, DemoData.Password);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "hubs/market"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .WithAutomaticReconnect()
            .WithStatefulReconnect()
            .Build();
        connection.On<JsonElement>("Event", onEvent);
        await connection.StartAsync(Api.Ct);
        return connection;
    }

    public static async Task<JsonElement> SendAsync(AppProcess app, string user, HttpMethod method, string path, object? body)
    {
        var token = await app.Client.LoginAsync(user, DemoData.Password);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await app.Client.SendAsync(request, Api.Ct);
        var text = await response.Content.ReadAsStringAsync(Api.Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The next event that matches, within 20 s.</summary>
    public static async Task<JsonElement> NextAsync(Channel<JsonElement> events, Func<JsonElement, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Api.Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var e = await events.Reader.ReadAsync(timeout.Token);
            if (match(e)) return e;
        }
    }

    public static decimal? Stock(JsonElement e) =>
        e.GetProperty("data").TryGetProperty("stock", out var stock) ? stock.GetDecimal() : null;
}
