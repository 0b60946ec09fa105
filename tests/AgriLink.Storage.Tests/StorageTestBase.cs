using Xunit;

namespace AgriLink.Storage.Tests;

/// <summary>
/// Gives every test its own fresh, schema-ready database. Each engine supplies the database by overriding
/// the factory, so the same contract tests run against SQLite now and PostgreSQL later.
/// </summary>
public abstract class StorageTestBase : IAsyncLifetime
{
    protected AgriLinkDatabase Database { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new, empty database that no other test uses.</summary>
    protected abstract AgriLinkDatabase CreateDatabase();

    /// <summary>A second, independent handle on the same data, as a restarted process would open it.</summary>
    protected virtual AgriLinkDatabase Reopen() => new(Database.Dialect, Database.ConnectionString);

    /// <summary>Removes whatever <see cref="CreateDatabase"/> made.</summary>
    protected abstract ValueTask DropDatabaseAsync();

    /// <summary>For a contract's own resources, released before the database is dropped.</summary>
    protected virtual ValueTask ReleaseAsync() => default;

    public async ValueTask InitializeAsync()
    {
        Database = CreateDatabase();
        await Database.EnsureSchemaAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }
}
