using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace AgriLink.Web.Tests.Live;

/// <summary>
/// The market hub over real Kestrel on loopback (the built app as a process), with the .NET SignalR client:
/// a change made through the API reaches a client following the listing, numbered without gaps; joins are
/// authorized like reads.
/// </summary>
public sealed class MarketHubTests : IAsyncLifetime
{
    private const string Listing = "lst-pz-walnut";
    private readonly TempFolder _folder = new();
    private AppProcess _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppProcess.StartAsync(_folder.Path);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ABuyerFollowingAListingSeesEachStockChangeInOrder()
    {
        var events = Channel.CreateUnbounded<JsonElement>();
        await using var buyer = await Connect("buyer.canteen", e => events.Writer.TryWrite(e));
        await buyer.InvokeAsync("Join", $"listing:{Listing}", Api.Ct);

        await SetStock(1234);
        var first = await Next(events, e => e.GetProperty("data").GetProperty("stock").GetDecimal() == 1234);
        await SetStock(1300);
        var second = await Next(events, e => e.GetProperty("data").GetProperty("stock").GetDecimal() == 1300);

        Assert.Equal("listing.stock-changed", first.GetProperty("name").GetString());
        Assert.Equal($"listing:{Listing}", first.GetProperty("resource").GetString());
        Assert.Equal($"listing:{Listing}", first.GetProperty("topic").GetString());
        Assert.Equal(first.GetProperty("sequence").GetInt64() + 1, second.GetProperty("sequence").GetInt64());
        Assert.Equal("coop-pzcili", first.GetProperty("data").GetProperty("cooperativeId").GetString());
    }

    [Fact]
    public async Task ACooperativeSeesANewOrderArriveAndTheBuyerSeesItShip()
    {
        var toCoop = Channel.CreateUnbounded<JsonElement>();
        var toBuyer = Channel.CreateUnbounded<JsonElement>();
        await using var coop = await Connect("coop.panzhou", e => toCoop.Writer.TryWrite(e));
        await coop.InvokeAsync("Join", "coop:coop-pzcili", Api.Ct);
        await using var buyer = await Connect("buyer.canteen", e => toBuyer.Writer.TryWrite(e));
        await buyer.InvokeAsync("Join", "buyer:buyer-gzcanteen", Api.Ct);

        var orderId = (await Send("buyer.canteen", HttpMethod.Post, "/api/orders", new
        {
            buyerId = "buyer-gzcanteen", paymentMethod = "Invoice", lines = new[] { new { listingId = Listing, quantity = 20m } },
            deliveryRegionCode = "440103", deliveryAddress = "广州市荔湾区机关食堂",
        })).GetProperty("id").GetString()!;

        var arrived = await Next(toCoop, e => About(e, orderId));
        Assert.Equal("order.placed", arrived.GetProperty("name").GetString());
        Assert.Equal("Placed", arrived.GetProperty("data").GetProperty("status").GetString());
        var placed = await Next(toBuyer, e => About(e, orderId));

        await Send("coop.panzhou", HttpMethod.Post, $"/api/orders/{orderId}/suborders/coop-pzcili/ship", null);
        var shipped = await Next(toBuyer, e => About(e, orderId)
            && e.GetProperty("data").GetProperty("status").GetString() == "Shipped");
        Assert.Equal(placed.GetProperty("sequence").GetInt64() + 1, shipped.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task JoiningIsAuthorizedLikeReading()
    {
        await using var buyer = await Connect("buyer.canteen", _ => { });
        await Assert.ThrowsAsync<HubException>(() => buyer.InvokeAsync("Join", "coop:coop-pzcili", Api.Ct));
        await Assert.ThrowsAsync<HubException>(() => buyer.InvokeAsync("Join", "buyer:buyer-gzunion", Api.Ct));
        await Assert.ThrowsAsync<HubException>(() => buyer.InvokeAsync("Join", "listing:lst-cj-draft-passion", Api.Ct)); // a draft
        await buyer.InvokeAsync("Join", "buyer:buyer-gzcanteen", Api.Ct);
        await buyer.InvokeAsync("Join", "market", Api.Ct);

        await using var farmer = await Connect("farmer.pz01", _ => { });
        await Assert.ThrowsAsync<HubException>(() => farmer.InvokeAsync("Join", "household:hh-pz02", Api.Ct));
        await farmer.InvokeAsync("Join", "household:hh-pz01", Api.Ct);

        await using var coop = await Connect("coop.congjiang", _ => { });
        await coop.InvokeAsync("Join", "listing:lst-cj-draft-passion", Api.Ct); // its own draft
        await Assert.ThrowsAsync<HubException>(() => coop.InvokeAsync("Join", "coop:coop-pzcili", Api.Ct));
    }

    private async Task<HubConnection> Connect(string user, Action<JsonElement> onEvent)
    {
        var token = await _app.Client.LoginAsync(user, DemoData.Password);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.BaseAddress, "hubs/market"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .WithAutomaticReconnect()
            .WithStatefulReconnect()
            .Build();
        connection.On<JsonElement>("Event", onEvent);
        await connection.StartAsync(Api.Ct);
        return connection;
    }

    private Task SetStock(decimal stock) => Send("coop.panzhou", HttpMethod.Put, $"/api/listings/{Listing}/stock", new { stock });

    private async Task<JsonElement> Send(string user, HttpMethod method, string path, object? body)
    {
        var token = await _app.Client.LoginAsync(user, DemoData.Password);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _app.Client.SendAsync(request, Api.Ct);
        var text = await response.Content.ReadAsStringAsync(Api.Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>An event about the order (a cooperative's group also hears about its listings).</summary>
    private static bool About(JsonElement e, string orderId) =>
        e.GetProperty("data").TryGetProperty("orderId", out var id) && id.GetString() == orderId;

    private static async Task<JsonElement> Next(Channel<JsonElement> events, Func<JsonElement, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Api.Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var e = await events.Reader.ReadAsync(timeout.Token);
            if (match(e)) return e;
        }
    }
}
