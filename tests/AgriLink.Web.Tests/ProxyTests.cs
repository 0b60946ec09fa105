using System.Net;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Issue 16, item 8: behind a TLS-ending proxy. Forwarded headers are believed from the configured proxies only; a request
/// that reached the proxy over HTTPS gets Secure cookies and HSTS (Production); <c>/metrics</c> stays for the machine
/// itself even when the proxy runs on it; Kestrel sends no Server header.
/// </summary>
public sealed class ProxyTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private readonly TempFolder _folder = new();
    private AgriLinkFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new AgriLinkFactory(_folder.Path, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["AgriLink:SeedDemo"] = "false",
            ["AgriLink:Proxy:KnownProxies"] = $"127.0.0.1,{Proxy}",
        });
        _factory.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task HttpsForwardedByAKnownProxyGetsSecureCookiesAndHsts()
    {
        using var response = await Send(Proxy, "/account/login", ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.5"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("agrilink-af=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task AnUnknownPeerCannotClaimHttps()
    {
        using var response = await Send("198.51.100.1", "/account/login", ("X-Forwarded-Proto", "https"));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("agrilink-af=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task MetricsAnswerTheMachineItselfButNotAClientForwardedByAProxyOnTheSameHost()
    {
        using (var local = await Send("127.0.0.1", "/metrics")) Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        using (var forwarded = await Send("127.0.0.1", "/metrics", ("X-Forwarded-For", "203.0.113.5")))
            Assert.Equal(HttpStatusCode.NotFound, forwarded.StatusCode);
        using (var spoofed = await Send("198.51.100.1", "/metrics", ("X-Forwarded-For", "127.0.0.1")))
            Assert.Equal(HttpStatusCode.NotFound, spoofed.StatusCode);
    }

    [Fact]
    public void KestrelSendsNoServerHeader() =>
        Assert.False(_factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);

    private async Task<HttpResponseMessage> Send(string peer, string path, params (string Name, string Value)[] headers)
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://agrilink.example" + path));
        request.Headers.Add(AgriLinkFactory.ClientAddressHeader, peer);
        request.Headers.Accept.ParseAdd("text/html");
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return await client.SendAsync(request, Api.Ct);
    }
}
