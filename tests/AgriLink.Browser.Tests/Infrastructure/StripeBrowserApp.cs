using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Browser.Tests.Infrastructure;

/// <summary>
/// <see cref="BrowserApp"/>'s host with Stripe configured against an in-process <see cref="FakeStripe"/> (the API tests'
/// settings and payouts), whose hosted checkout page sends its webhooks to this app.
/// </summary>
public sealed class StripeBrowserApp : BrowserApp
{
    public FakeStripe Stripe { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Stripe = await FakeStripe.StartAsync();
        await Start(StripeSettings.For(Stripe));
        Stripe.Webhooks = () => new HttpClient { BaseAddress = BaseAddress };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Stripe is not null) await Stripe.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StripeBrowserAppCollection : ICollectionFixture<StripeBrowserApp>
{
    public const string Name = "Stripe browser app";
}
