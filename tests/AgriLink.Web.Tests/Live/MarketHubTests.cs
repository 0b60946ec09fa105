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
public sealed class MarketHubTests(LiveApp live) : IClassFixture<LiveApp>
{
    private const string Listing = "lst-pzwalnut";
    private readonly AppProcess _app = live.App;

    [Fact]
    public async Task ABuyerFollowingAListingSeesEachStockChangeInOrder()
    {
        var events = Channel.CreateUnbounded<JsonElement>();
        await using var buyer = await Connect("buyer.canteen", e => events.Writer.TryWrite(e));
        await buyer.InvokeAsync("Join", $"listing:{Listing}", Api.Ct);

        await SetStock(1234);
        var first = await Next(events, e => Stock(e) == 1234);
        await SetStock(1300);
        var second = await Next(events, e => Stock(e) == 1300);

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

        await Send("coop.panzhou", HttpMethod.Post, $"/api/orders/{orderId}/suborders/coop-pzcili/ship",
            new { carrier = "JdLogistics", trackingNumber = "JDVA01234567890" });
        var shipped = await Next(toBuyer, e => About(e, orderId)
            && e.GetProperty("data").GetProperty("status").GetString() == "Shipped");
        Assert.Equal(placed.GetProperty("sequence").GetInt64() + 1, shipped.GetProperty("sequence").GetInt64());
        // The event itself tells the buyer how it travels; the cooperative hears it on its own topic too.
        Assert.Equal("order.shipped", shipped.GetProperty("name").GetString());
        var shipment = shipped.GetProperty("data").GetProperty("subOrders")[0].GetProperty("shipment");
        Assert.Equal("JdLogistics", shipment.GetProperty("carrier").GetString());
        Assert.Equal("JDVA01234567890", shipment.GetProperty("trackingNumber").GetString());
        var toOwnTopic = await Next(toCoop, e => About(e, orderId) && e.GetProperty("name").GetString() == "order.shipped");
        Assert.Equal("JDVA01234567890", toOwnTopic.GetProperty("data").GetProperty("shipment").GetProperty("trackingNumber").GetString());
    }

    [Fact]
    public async Task AClientThatMissedChangesWhileAwaySeesTheGapAndRefetches()
    {
        var events = Channel.CreateUnbounded<JsonElement>();
        long lastSeen;
        await using (var before = await Connect("buyer.canteen", e => events.Writer.TryWrite(e)))
        {
            await before.InvokeAsync("Join", $"listing:{Listing}", Api.Ct);
            await SetStock(2001);
            lastSeen = (await Next(events, e => Stock(e) == 2001)).GetProperty("sequence").GetInt64();
        }

        await SetStock(2002); // missed: nobody was connected
        await SetStock(2003); // missed
        await using var after = await Connect("buyer.canteen", e => events.Writer.TryWrite(e));
        await after.InvokeAsync("Join", $"listing:{Listing}", Api.Ct);
        await SetStock(2004);
        var next = await Next(events, e => Stock(e) == 2004);

        // The contract: a jump in sequence means changes were missed, so re-fetch the resource.
        Assert.Equal(lastSeen + 3, next.GetProperty("sequence").GetInt64());
        var listing = await Send("buyer.canteen", HttpMethod.Get, $"/api/listings/{Listing}", null);
        Assert.Equal(2004m, listing.GetProperty("draft").GetProperty("stock").GetDecimal());
    }

    [Fact]
    public async Task TheMarketHearsACertificationGranted()
    {
        var events = Channel.CreateUnbounded<JsonElement>();
        await using var consumer = await Connect("buyer.consumer", e => events.Writer.TryWrite(e));
        await consumer.InvokeAsync("Join", "market", Api.Ct);

        await Send("operator", HttpMethod.Post, "/api/listings/lst-mtcuiya/certifications/poverty",
            new { certificateNumber = "黔扶认〔2026〕0999号", approvedOn = "2026-11-01" });

        var granted = await Next(events, e => e.GetProperty("name").GetString() == "listing.certification-granted");
        Assert.Equal("market", granted.GetProperty("topic").GetString());
        Assert.Equal("lst-mtcuiya", granted.GetProperty("data").GetProperty("listingId").GetString());
        Assert.True(granted.GetProperty("data").GetProperty("povertyCertified").GetBoolean());
    }

    [Fact]
    public async Task AForeignOriginIsRefusedAtTheHandshake()
    {
        var token = await _app.Client.LoginAsync("buyer.canteen", DemoData.Password);
        await using var foreign = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.BaseAddress, "hubs/market"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Headers["Origin"] = "https://evil.example";
            })
            .Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => foreign.StartAsync(Api.Ct));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);

        await using var own = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.BaseAddress, "hubs/market"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Headers["Origin"] = _app.BaseAddress.GetLeftPart(UriPartial.Authority);
            })
            .Build();
        await own.StartAsync(Api.Ct);
        await own.InvokeAsync("Join", "market", Api.Ct);
    }

    [Fact]
    public async Task JoiningIsAuthorizedLikeReading()
    {
        await using var buyer = await Connect("buyer.canteen", _ => { });
        await Assert.ThrowsAsync<HubException>(() => buyer.InvokeAsync("Join", "coop:coop-pzcili", Api.Ct));
        await Assert.ThrowsAsync<HubException>(() => buyer.InvokeAsync("Join", "buyer:buyer-gzunion", Api.Ct));
        await Assert.ThrowsAsync<HubException>(() => buyer.InvokeAsync("Join", "listing:lst-cjdraftpassion", Api.Ct)); // a draft
        await buyer.InvokeAsync("Join", "buyer:buyer-gzcanteen", Api.Ct);
        await buyer.InvokeAsync("Join", "market", Api.Ct);

        await using var farmer = await Connect("farmer.pz01", _ => { });
        await Assert.ThrowsAsync<HubException>(() => farmer.InvokeAsync("Join", "household:hh-pz02", Api.Ct));
        await farmer.InvokeAsync("Join", "household:hh-pz01", Api.Ct);

        await using var coop = await Connect("coop.congjiang", _ => { });
        await coop.InvokeAsync("Join", "listing:lst-cjdraftpassion", Api.Ct); // its own draft
        await Assert.ThrowsAsync<HubException>(() => coop.InvokeAsync("Join", "coop:coop-pzcili", Api.Ct));
    }

    [Fact]
    public async Task AConnectionThatSendsTooMuchIsRefusedButStaysConnected()
    {
        await using var chatty = await Connect("buyer.consumer", _ => { });
        await using var quiet = await Connect("buyer.consumer", _ => { });
        // The bucket holds 60 and refills 60 a minute; a refill may land mid-loop, so allow up to two bucketfuls.
        HubException? refused = null;
        var accepted = 0;
        for (; accepted <= 2 * 60 && refused is null; accepted++)
            refused = await Record.ExceptionAsync(() => chatty.InvokeAsync("Join", "market", Api.Ct)) as HubException;

        Assert.NotNull(refused);
        Assert.Contains("Too many messages", refused.Message, StringComparison.Ordinal);
        Assert.True(accepted > 60, $"refused after {accepted} messages, before the bound of 60");
        Assert.Equal(HubConnectionState.Connected, chatty.State);
        await quiet.InvokeAsync("Join", "market", Api.Ct); // each connection has its own bound
    }

    private Task<HubConnection> Connect(string user, Action<JsonElement> onEvent) => LiveClient.ConnectAsync(_app, user, onEvent);

    private Task SetStock(decimal stock) => Send("coop.panzhou", HttpMethod.Put, $"/api/listings/{Listing}/stock", new { stock });

    private Task<JsonElement> Send(string user, HttpMethod method, string path, object? body) => LiveClient.SendAsync(_app, user, method, path, body);

    private static decimal? Stock(JsonElement e) => LiveClient.Stock(e);

    /// <summary>An event about the order (a cooperative's group also hears about its listings).</summary>
    private static bool About(JsonElement e, string orderId) =>
        e.GetProperty("data").TryGetProperty("orderId", out var id) && id.GetString() == orderId;

    private static Task<JsonElement> Next(Channel<JsonElement> events, Func<JsonElement, bool> match) => LiveClient.NextAsync(events, match);
}

/// <summary>One app process for the hub tests (they run one after another and follow their own changes).</summary>
public sealed class LiveApp : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public AppProcess App { get; private set; } = null!;

    // The tests sign in often; the per-address sign-in limit has its own tests.
    public async ValueTask InitializeAsync() => App = await AppProcess.StartAsync(_folder.Path, "--AgriLink:SignInAttemptsPerMinute", "100000");

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
