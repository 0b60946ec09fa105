using AgriLink.Storage.Tests.Audit;

namespace AgriLink.Storage.Tests.Sqlite;

public sealed class SqliteAuditLogTests : AuditLogContract
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
