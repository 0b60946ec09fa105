using AgriLink.Hosting;
using AgriLink.Storage.Dialects;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace AgriLink.Web.Tests.Postgres;

/// <summary>Storage:Provider and ConnectionStrings:AgriLink as the web host and the silo read them (StorageSelection).</summary>
public sealed class StorageSelectionTests
{
    [Fact]
    public void WithoutAProviderTheDataFoldersSqliteFileIsUsed()
    {
        using var folder = new TempFolder();

        var database = Configuration(("data", folder.Path)).AgriLinkDatabase();

        Assert.IsType<SqliteDialect>(database.Dialect);
        Assert.Contains(Path.Combine(folder.Path, "agrilink.db"), database.ConnectionString);
    }

    [Theory]
    [InlineData("PostgreSQL")]
    [InlineData("postgresql")]
    public void PostgreSqlTakesTheAgriLinkConnectionString(string provider)
    {
        var database = Configuration(("Storage:Provider", provider), ("ConnectionStrings:AgriLink", "Host=127.0.0.1;Port=5433;Database=agrilink;Username=agrilink")).AgriLinkDatabase();

        Assert.IsType<PostgresDialect>(database.Dialect);
        Assert.Contains("Port=5433", database.ConnectionString);
    }

    [Theory]
    [InlineData("Postgres", null, "use Sqlite or PostgreSQL")]
    [InlineData("PostgreSQL", null, "needs ConnectionStrings:AgriLink")]
    [InlineData("PostgreSQL", "Hots=127.0.0.1", "Hots")]
    public void AMistakeIsRefusedAtStartWithWhatToFix(string provider, string? connectionString, string message)
    {
        var configuration = Configuration(("Storage:Provider", provider), ("ConnectionStrings:AgriLink", connectionString));

        var error = Assert.ThrowsAny<Exception>(() => configuration.AgriLinkDatabase());

        Assert.True(error is InvalidOperationException or ArgumentException, error.ToString());
        Assert.Contains(message, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();
}
