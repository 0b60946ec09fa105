using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>
/// The web app on a test server with its own data folder and its own free silo and gateway ports,
/// so factories in parallel test collections never share a database or collide on a port.
/// Settings go in with <c>UseSetting</c>, which Program.cs sees in <c>builder.Configuration</c> before
/// <c>Build()</c> (see <c>HostConfigurationTests</c>); nothing is set process-wide.
/// </summary>
public sealed class AgriLinkFactory(string dataFolder, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = dataFolder;
    public CapturedMessages Messages { get; } = new();
    public int SiloPort { get; } = FreePort.Next();
    public int GatewayPort { get; } = FreePort.Next();

    /// <summary>
    /// Waits until the demo's photos are drawn (<see cref="AgriLink.Web.Seeding.DemoPhotoSeeding"/> does it after the server
    /// listens, changing the demo's listings and cooperatives): a test comparing demo objects across a restart waits first.
    /// </summary>
    public async Task DemoPhotosDrawn()
    {
        _ = CreateClient(); // the host is started
        var database = Services.GetRequiredService<AgriLink.Storage.AgriLinkDatabase>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await database.GetMetaAsync(AgriLink.Web.Seeding.DemoPhotoSeeding.DoneKey, Xunit.TestContext.Current.CancellationToken) is null)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("The demo's photos were not drawn within 3 minutes.");
            await Task.Delay(200, Xunit.TestContext.Current.CancellationToken);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("data", DataFolder);
        builder.UseSetting("Orleans:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Keep test output readable; failures still carry the problem response.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<IStartupFilter, ClientAddressFromTestHeader>();
            // One-time codes "sent" by SMS or e-mail are kept for the tests to read.
            s.AddSingleton<AgriLink.Web.Accounts.ISmsSender>(Messages);
            s.AddSingleton<AgriLink.Web.Accounts.IEmailSender>(Messages);
        });
    }

    /// <summary>The test server has no network peer: a request names the client address it stands for in this header.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private sealed class ClientAddressFromTestHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[ClientAddressHeader].ToString(), out var address))
                    http.Connection.RemoteIpAddress = address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
