using System.Collections.Concurrent;
using System.Net.Http.Headers;
using AgriLink.Web.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>Clients of one seeded test app: anonymous, or signed in with a bearer token as a demo account (cached per account).</summary>
public sealed class DemoSignIn(AgriLinkFactory factory)
{
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new(StringComparer.Ordinal);

    public HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> As(string userName)
    {
        var token = await _tokens.GetOrAdd(userName, name => Anonymous().LoginAsync(name, DemoData.Password));
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
