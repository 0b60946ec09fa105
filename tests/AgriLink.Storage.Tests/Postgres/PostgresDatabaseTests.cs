using Xunit;

namespace AgriLink.Storage.Tests.Postgres;

public sealed class PostgresDatabaseTests : DatabaseContract
{
    private readonly PostgresTestSchema _schema = new();

    [Fact]
    public async Task SilosStartingTogetherCreateTheSchemaOnce()
    {
        var fresh = new PostgresTestSchema();
        var database = fresh.Open();
        try
        {
            // Without the advisory lock, concurrent CREATE TABLE IF NOT EXISTS collide in PostgreSQL's catalog.
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgresTestSchema.Reopen(database).EnsureSchemaAsync(Ct), Ct)));

            await using var connection = await database.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_version";
            Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
        }
        finally
        {
            await fresh.DropAsync(database);
        }
    }

    [Fact]
    public async Task TheSchemaLandsInTheConnectionsOwnSchemaOnly()
    {
        Assert.Equal(_schema.Name, await ScalarAsync("SELECT current_schema()"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'grain_state'"));
    }

    [Fact]
    public async Task PingIsFalseWhenTheServerCannotBeReached()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString) { Port = 1, Timeout = 2 };

        Assert.False(await AgriLinkDatabase.Postgres(builder.ConnectionString).PingAsync(Ct));
    }

    protected override AgriLinkDatabase CreateDatabase() => _schema.Open();

    protected override AgriLinkDatabase Reopen() => PostgresTestSchema.Reopen(Database);

    protected override ValueTask DropDatabaseAsync() => _schema.DropAsync(Database);
}
