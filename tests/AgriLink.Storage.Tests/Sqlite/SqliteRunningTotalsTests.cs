using AgriLink.Storage.Tests.Changes;

namespace AgriLink.Storage.Tests.Sqlite;

public sealed class SqliteRunningTotalsTests : RunningTotalsContract
{
    private readonly SqliteTestFile _file = new();

    protected override AgriLinkDatabase CreateDatabase() => _file.Open();

    protected override ValueTask DropDatabaseAsync()
    {
        _file.Delete(Database);
        return default;
    }
}
