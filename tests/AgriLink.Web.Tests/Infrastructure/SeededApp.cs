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
    private DemoSignIn _signIn = null!;

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
        _signIn = new DemoSignIn(Factory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _folder.Dispose();
    }

    public HttpClient Anonymous() => _signIn.Anonymous();

    /// <summary>A client signed in with a bearer token as the demo account (tokens are cached per account).</summary>
    public Task<HttpClient> As(string userName) => _signIn.As(userName);
}

[CollectionDefinition(Name)]
public sealed class SeededAppCollection : ICollectionFixture<SeededApp>
{
    public const string Name = "Seeded app";
}
