namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>
/// The app's Stripe settings against a <see cref="FakeStripe"/>, with the demo's payouts: 舍烹 (coop-pzcili) pays 15% to
/// its leading enterprise and a 3% fee to its village collective; 六屯 (coop-xwkiwi) keeps everything on its own account.
/// Shared by the API tests' and the browser tests' Stripe apps.
/// </summary>
public static class StripeSettings
{
    public const string Panzhou = "coop-pzcili";
    public const string Xiuwen = "coop-xwkiwi";

    public static Dictionary<string, string?> For(FakeStripe stripe)
    {
        var settings = stripe.AppSettings();
        settings["Stripe:Payouts:CollectiveFeeBasisPoints"] = "300";
        settings[$"Stripe:Payouts:Cooperatives:{Panzhou}:Account"] = "acct_pzcili";
        settings[$"Stripe:Payouts:Cooperatives:{Panzhou}:EnterpriseId"] = "ent-panshan";
        settings[$"Stripe:Payouts:Cooperatives:{Panzhou}:EnterpriseAccount"] = "acct_panshan";
        settings[$"Stripe:Payouts:Cooperatives:{Panzhou}:EnterpriseBasisPoints"] = "1500";
        settings[$"Stripe:Payouts:Cooperatives:{Panzhou}:CollectiveId"] = "vc-shepeng";
        settings[$"Stripe:Payouts:Cooperatives:{Panzhou}:CollectiveAccount"] = "acct_shepeng";
        settings[$"Stripe:Payouts:Cooperatives:{Xiuwen}:Account"] = "acct_xwkiwi";
        return settings;
    }
}
