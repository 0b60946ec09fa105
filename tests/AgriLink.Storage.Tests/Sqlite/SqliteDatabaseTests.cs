using Xunit;

namespace AgriLink.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests : DatabaseContract
{
    private readonly SqliteTestFile _file = new();

    [Theory]
    [InlineData("PRAGMA journal_mode", "wal")]
    [InlineData("PRAGMA synchronous", 2L)] // FULL
    [InlineData("PRAGMA busy_timeout", 5000L)]
    [InlineData("PRAGMA foreign_keys", 1L)]
    public async Task ConnectionsAreOpenedWithDurableSettings(string pragma, object expected)
    {
        Assert.Equal(expected, await ScalarAsync(pragma));
    }

    [Fact]
    public void TheFactoryCreatesTheDataFolder()
    {
        Assert.True(Directory.Exists(Path.GetDirectoryName(_file.Path)));
    }

    [Fact]
    public async Task PingIsFalseWhenTheFileCannotBeOpened()
    {
        var missing = new AgriLinkDatabase(Database.Dialect, $"Data Source={Path.Combine(_file.Path, "missing", "x.db")};Mode=ReadWrite");

        Assert.False(await missing.PingAsync(Ct));
    }

    protected override AgriLinkDatabase CreateDatabase() => _file.Open();

    protected override AgriLinkDatabase Reopen() => _file.Reopen(Database);

    protected override ValueTask DropDatabaseAsync()
    {
        _file.Delete(Database);
        return default;
    }
}
