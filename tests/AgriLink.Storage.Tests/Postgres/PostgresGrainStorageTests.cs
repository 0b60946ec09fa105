using AgriLink.Storage.Tests.Persistence;

namespace AgriLink.Storage.Tests.Postgres;

public sealed class PostgresGrainStorageTests : GrainStorageContract
{
    private readonly PostgresTestSchema _schema = new();

    protected override AgriLinkDatabase CreateDatabase() => _schema.Open();

    protected override AgriLinkDatabase Reopen() => PostgresTestSchema.Reopen(Database);

    protected override ValueTask DropDatabaseAsync() => _schema.DropAsync(Database);
}
