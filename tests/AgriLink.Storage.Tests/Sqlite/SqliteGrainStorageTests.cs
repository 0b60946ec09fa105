using AgriLink.Storage.Tests.Persistence;

namespace AgriLink.Storage.Tests.Sqlite;

public sealed class SqliteGrainStorageTests : GrainStorageContract
{
    private readonly SqliteTestFile _file = new();

    protected override AgriLinkDatabase CreateDatabase() => _file.Open();

    protected override AgriLinkDatabase Reopen() => _file.Reopen(Database);

    protected override ValueTask DropDatabaseAsync()
    {
        _file.Delete(Database);
        return default;
    }
}
