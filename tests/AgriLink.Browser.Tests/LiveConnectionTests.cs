using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

[Collection(BrowserAppCollection.Name)]
public sealed class LiveConnectionTests(BrowserApp app)
{
    private static readonly Regex Hub = new("/hubs/market");

    [Fact]
    public async Task LostConnectionShowsReconnectingThenRejoinsAndUpdatesAgain()
    {
        var context = await app.NewContext();
        var page = await context.NewPageAsync();
        // The hub's traffic passes through the test: while "the network is down" every attempt fails at once.
        var up = true;
        var sockets = new List<IWebSocketRoute>();
        await page.RouteAsync(Hub, route => Volatile.Read(ref up) ? route.ContinueAsync() : route.AbortAsync());
        await page.RouteWebSocketAsync(Hub, async socket =>
        {
            if (Volatile.Read(ref up))
            {
                socket.ConnectToServer();
                lock (sockets) sockets.Add(socket);
            }
            else
            {
                await socket.CloseAsync();
            }
        });
        await page.GotoAsync("/market/listings/lst-pzcilidried");
        await page.WaitForLive();
        await page.MarkDocument();

        Volatile.Write(ref up, false);
        IWebSocketRoute[] open;
        lock (sockets) open = [.. sockets];
        foreach (var socket in open) await socket.CloseAsync();
        var status = page.Locator("#live-status");
        await status.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("重新连接", await status.InnerTextAsync());
        await page.Screenshot("live-reconnecting");

        Volatile.Write(ref up, true);
        await page.WaitForLive();
        Assert.False(await status.IsVisibleAsync());
        await SetStock("lst-pzcilidried", 2345);
        await page.WaitForFunctionAsync("() => document.querySelector('#stock').textContent.trim() === '2345'");
        Assert.True(await page.WasNotReloaded());
        await context.CloseAsync();
    }

    /// <summary>The cooperative changes the stock through the API, as any client would.</summary>
    private async Task SetStock(string listingId, decimal stock)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var login = await http.PostAsJsonAsync("/api/auth/login",
            new { userName = "coop.panzhou.finance", password = Web.Seeding.DemoData.Password }, TestContext.Current.CancellationToken);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PutAsJsonAsync($"/api/listings/{listingId}/stock", new { stock }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
