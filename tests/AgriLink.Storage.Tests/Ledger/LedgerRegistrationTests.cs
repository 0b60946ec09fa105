using AgriLink.Storage.Hosting;
using AgriLink.Storage.Ledger;
using AgriLink.Storage.Tests.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Storage.Tests.Ledger;

public sealed class LedgerRegistrationTests : IDisposable
{
    private readonly SqliteTestFile _file = new();
    private AgriLinkDatabase? _database;

    [Fact]
    public async Task TheLedgerIsOneSingletonOverTheRegisteredDatabase()
    {
        _database = _file.Open();
        await _database.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        await using var services = new ServiceCollection().AddAgriLinkDatabase(_database).BuildServiceProvider();

        var ledger = services.GetRequiredService<ILedger>();

        Assert.IsType<SqlLedger>(ledger);
        Assert.Same(ledger, services.GetRequiredService<ILedger>());
        await ledger.PostAsync(new LedgerTransfer("k", [new("a", 1), new("b", -1)], "", DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);
        Assert.Equal(1, await new SqlLedger(_database).BalanceAsync("a", TestContext.Current.CancellationToken));
    }

    public void Dispose() => _file.Delete(_database);
}
