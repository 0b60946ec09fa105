using System.Text.Json.Nodes;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;
using AgriLink.Storage.Ledger;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Payments;

/// <summary>
/// The seeded demo app with Stripe configured against an in-process <see cref="FakeStripe"/>. 舍烹 (coop-pzcili) pays
/// 15% to its leading enterprise and a 3% fee (the platform default) to its village collective; 六屯 (coop-xwkiwi)
/// keeps everything on its own connected account.
/// </summary>
public sealed class StripeApp : IAsyncLifetime
{
    public const string Panzhou = StripeSettings.Panzhou;
    public const string Xiuwen = StripeSettings.Xiuwen;
    public const string Canteen = "buyer-gzcanteen";

    private readonly TempFolder _folder = new();
    private DemoSignIn _signIn = null!;

    public FakeStripe Stripe { get; private set; } = null!;
    public AgriLinkFactory Factory { get; private set; } = null!;

    public IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();
    public ILedger Ledger => Factory.Services.GetRequiredService<ILedger>();

    public async ValueTask InitializeAsync()
    {
        Stripe = await FakeStripe.StartAsync();
        var settings = StripeSettings.For(Stripe);
        settings["AgriLink:SeedDemo"] = "true";
        settings["AgriLink:SignInAttemptsPerMinute"] = "100000";
        Factory = new AgriLinkFactory(_folder.Path, settings);
        Factory.StartServer();
        _signIn = new DemoSignIn(Factory);
        Stripe.Webhooks = Factory.CreateClient;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Stripe.DisposeAsync();
        _folder.Dispose();
    }

    public HttpClient Anonymous() => _signIn.Anonymous();

    /// <summary>A client signed in with a bearer token as the demo account (tokens are cached per account).</summary>
    public Task<HttpClient> As(string userName) => _signIn.As(userName);

    /// <summary>
    /// A card order of the canteen: 10 jin of 盘州鲜刺梨 (¥65.00) and, with <paramref name="twoCooperatives"/>, 3 boxes of
    /// 修文猕猴桃 (¥207.00). Quantities vary by <paramref name="extra"/> so each order differs.
    /// </summary>
    public async Task<OrderDetails> PlaceCardOrder(bool twoCooperatives = true, int extra = 0, PaymentMethod method = PaymentMethod.Card)
    {
        var lines = new JsonArray(new JsonObject { ["listingId"] = "lst-pzcilifresh", ["quantity"] = 50 + extra });
        if (twoCooperatives) lines.Add(new JsonObject { ["listingId"] = "lst-xwkiwi5jin", ["quantity"] = 3 });
        var body = new JsonObject
        {
            ["buyerId"] = Canteen, ["paymentMethod"] = method.ToString(), ["lines"] = lines,
            ["deliveryRegionCode"] = "440103", ["deliveryAddress"] = "广州市荔湾区中山七路1号 机关食堂",
        };
        using var response = await (await As("buyer.canteen")).SendJson(HttpMethod.Post, "/api/orders", body);
        var placed = await response.AssertOk(System.Net.HttpStatusCode.Created);
        return await Order((string)placed["id"]!);
    }

    public Task<OrderDetails> Order(string id) => Grains.GetGrain<IOrderGrain>(id).Get();
}

[CollectionDefinition(Name)]
public sealed class StripeAppCollection : ICollectionFixture<StripeApp>
{
    public const string Name = "Stripe app";
}
