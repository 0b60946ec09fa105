using System.Collections.Concurrent;
using System.Net.Http.Headers;
using AgriLink.Web.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>
/// One app with the Guizhou demo seeded, shared by every test in <see cref="SeededAppCollection"/>
/// (seeding takes seconds). Tests that write create their own objects rather than change demo ones
/// other tests read. Sign-in is not rate limited here; <c>SignInTests</c> has its own app for that.
/// </summary>
public sealed class SeededApp : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new(StringComparer.Ordinal);

    public AgriLinkFactory Factory { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new AgriLinkFactory(_folder.Path, new Dictionary<string, string?>
        {
            ["AgriLink:SeedDemo"] = "true",
            ["AgriLink:SignInAttemptsPerMinute"] = "100000",
        });
        // Starts the host: the silo, the schema and the demo seeding all run before this returns.
        Factory.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _folder.Dispose();
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in with a bearer token as the demo account (tokens are cached per account).</summary>
    public async Task<HttpClient> As(string userName)
    {
        var token = await _tokens.GetOrAdd(userName, name => Anonymous().LoginAsync(name, DemoData.Password));
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class SeededAppCollection : ICollectionFixture<SeededApp>
{
    public const string Name = "Seeded app";
}
