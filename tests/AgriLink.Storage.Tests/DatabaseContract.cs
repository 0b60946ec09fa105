using Xunit;

namespace AgriLink.Storage.Tests;

/// <summary>Schema, metadata and health behaviour of <see cref="AgriLinkDatabase"/>; subclass once per engine.</summary>
public abstract class DatabaseContract : StorageTestBase
{
    [Fact]
    public async Task EnsuringTheSchemaAgainKeepsDataAndStampsOneVersion()
    {
        await Database.SetMetaAsync("demo.seeded", "2025-01-01", Ct);

        await Database.EnsureSchemaAsync(Ct);
        await Database.EnsureSchemaAsync(Ct);

        Assert.Equal("2025-01-01", await Database.GetMetaAsync("demo.seeded", Ct));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal((long)AgriLinkDatabase.SchemaVersion, await ScalarAsync("SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public async Task ASchemaNewerThanThisBuildIsRefused()
    {
        await ScalarAsync($"INSERT INTO schema_version (version, applied_at) VALUES ({AgriLinkDatabase.SchemaVersion + 1}, '2099-01-01T00:00:00Z')");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Database.EnsureSchemaAsync(Ct));
    }

    [Fact]
    public async Task MetaValuesCanBeSetReadAndOverwritten()
    {
        Assert.Null(await Database.GetMetaAsync("demo.seeded", Ct));

        await Database.SetMetaAsync("demo.seeded", "no", Ct);
        await Database.SetMetaAsync("demo.seeded", "yes", Ct);
        await Database.SetMetaAsync("other", "kept apart", Ct);

        Assert.Equal("yes", await Database.GetMetaAsync("demo.seeded", Ct));
        Assert.Equal("kept apart", await Database.GetMetaAsync("other", Ct));
    }

    [Fact]
    public async Task MetaSurvivesReopeningTheDatabase()
    {
        await Database.SetMetaAsync("demo.seeded", "yes", Ct);

        Assert.Equal("yes", await Reopen().GetMetaAsync("demo.seeded", Ct));
    }

    [Fact]
    public async Task PingAnswersForAReachableDatabase()
    {
        Assert.True(await Database.PingAsync(Ct));
    }

    [Fact]
    public async Task ADuplicateKeyIsRecognisedAsAUniqueViolation()
    {
        await Database.SetMetaAsync("k", "v", Ct);

        var duplicate = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ScalarAsync("INSERT INTO meta (key, value) VALUES ('k', 'again')"));
        var syntax = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ScalarAsync("INSERT INTO no_such_table VALUES (1)"));

        Assert.True(Database.Dialect.IsUniqueViolation(duplicate));
        Assert.False(Database.Dialect.IsUniqueViolation(syntax));
    }

    protected async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
