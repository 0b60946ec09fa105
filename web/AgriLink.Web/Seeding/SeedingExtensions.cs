using AgriLink.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AgriLink.Web.Seeding;

public static class SeedingExtensions
{
    /// <summary>Seeds the demo unless <c>AgriLink:SeedDemo</c> is false. Registered after the silo so grains are up.</summary>
    public static WebApplicationBuilder AddDemoSeeding(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("AgriLink:SeedDemo", true))
        {
            builder.Services.AddHostedService<DemoSeeder>();
            builder.Services.AddHostedService<DemoPhotoSeeding>();
        }
        return builder;
    }

    /// <summary>Tells whoever started the process where to go and how to sign in.</summary>
    public static WebApplication PrintWelcomeOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
            var data = app.Services.GetRequiredService<DataFolder>();
            var lines = new List<string>
            {
                "",
                "  AgriLink is running.",
                $"    Mode        {app.Configuration.ModeBanner("this web node")}",
                $"    Open        {url}/",
                $"    API         {url}/scalar   (OpenAPI: {url}/openapi/v1.json)",
                $"    Health      {url}/health/ready",
                $"    Data folder {data.Path}",
            };
            if (app.Configuration.GetValue("AgriLink:SeedDemo", true))
            {
                lines.Add($"  Demo sign-in (password for every account: {DemoData.Password}):");
                lines.AddRange(DemoData.Accounts.Select(a => $"    {a.UserName,-22} {a.Role,-17} {a.DisplayName}"));
                lines.Add($"  {DemoData.TwoFactorOperator} signs in with two factors: add the key {DemoData.TwoFactorKey} to an authenticator app");
                lines.Add($"    ({Apis.TwoFactorApi.AuthenticatorUri(DemoData.TwoFactorOperator, DemoData.TwoFactorKey)})");
                lines.Add("  Demo accounts are for trying only: remove them before real use (dotnet AgriLink.Web.dll remove-demo-accounts).");
            }
            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
            if (app.Configuration.IgnoredClusterSettings().Count > 0)
                app.Logger.LogWarning("{Mode}", app.Configuration.ModeBanner("This web node"));
        });
        return app;
    }
}
