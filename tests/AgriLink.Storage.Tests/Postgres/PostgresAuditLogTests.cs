using AgriLink.Storage.Tests.Audit;

namespace AgriLink.Storage.Tests.Postgres;

public sealed class PostgresAuditLogTests : AuditLogContract
{
    private readonly PostgresTestSchema _schema = new();

    protected override AgriLinkDatabase CreateDatabase() => _schema.Open();

    protected override AgriLinkDatabase Reopen() => PostgresTestSchema.Reopen(Database);

    protected override ValueTask DropDatabaseAsync() => _schema.DropAsync(Database);
}
