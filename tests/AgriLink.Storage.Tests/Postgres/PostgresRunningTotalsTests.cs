using AgriLink.Storage.Tests.Changes;

namespace AgriLink.Storage.Tests.Postgres;

public sealed class PostgresRunningTotalsTests : RunningTotalsContract
{
    private readonly PostgresTestSchema _schema = new();

    protected override AgriLinkDatabase CreateDatabase() => _schema.Open();

    protected override ValueTask DropDatabaseAsync() => _schema.DropAsync(Database);
}
