using AgriLink.Storage;
using AgriLink.Storage.Ledger;
using AgriLink.Web.Migration;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Xunit;

namespace AgriLink.Web.Tests.Postgres;

/// <summary><c>migrate-to-postgres</c>: an embedded installation with the demo and an order, moved into PostgreSQL and run there.</summary>
public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task AnEmbeddedInstallationMovesIntoPostgresWithOneCommand()
    {
        using var folder = new TempFolder();
        var sqliteFile = Path.Combine(folder.Path, "agrilink.db");
        string orderId, listingId, order, listing, contracts, invoice, shareHistory;
        List<(string, string)> invoices;
        IReadOnlyDictionary<string, long> balances;

        await using (var embedded = PostgresApps.Start(folder.Path, PostgresApps.Settings(database: null, seedDemo: true)))
        {
            var signIn = new DemoSignIn(embedded);
            listingId = await PostgresApps.ActiveListing(await signIn.As("coop.panzhou"));
            var canteen = await signIn.As("buyer.canteen");
            orderId = await PostgresApps.PlaceOrder(canteen, listingId, quantity: 7);
            order = (await canteen.GetObject($"/api/orders/{orderId}")).ToJsonString();
            listing = (await signIn.Anonymous().GetObject($"/api/listings/{listingId}")).ToJsonString();
            contracts = (await (await signIn.As("ent.qianfeng")).GetObject(OfftakeList)).ToJsonString();
            invoices = await Invoices(await signIn.As("coop.congjiang"));
            invoice = (await (await signIn.As("coop.congjiang")).GetObject($"/api/invoices/{invoices[0].Item1}")).ToJsonString();
            shareHistory = (await (await signIn.As("coop.panzhou")).GetArray(ShareHistory)).ToJsonString();
            balances = await embedded.Services.GetRequiredService<ILedger>().BalancesAsync("", Api.Ct);
        }

        SqliteConnection.ClearAllPools();
        var sourceRows = await GrainRowsAsync(AgriLink.Storage.AgriLinkDatabase.Sqlite(sqliteFile));
        var sourceVoters = await VoterRowsAsync(AgriLink.Storage.AgriLinkDatabase.Sqlite(sqliteFile));
        await using var database = await PostgresDatabase.CreateAsync();

        var (code, output) = await MigrateAsync("--to", database.ConnectionString, "--from", sqliteFile);
        Assert.True(code == 0, output);
        Assert.Contains("Migrated", output);

        // A second run finds the target occupied and changes nothing.
        var (again, refusal) = await MigrateAsync("--to", database.ConnectionString, "--from", sqliteFile);
        Assert.Equal(1, again);
        Assert.Contains("already holds data", refusal);

        // Every grain's state arrived byte for byte, with its version (the ETag a live activation would check).
        Assert.NotEmpty(balances);
        Assert.Equal(sourceRows, await GrainRowsAsync(AgriLink.Storage.AgriLinkDatabase.Postgres(database.ConnectionString)));
        // An assembly's voters are rows of record (its state keeps only the turnout): copied, every one.
        Assert.NotEmpty(sourceVoters);
        Assert.Equal(sourceVoters, await VoterRowsAsync(AgriLink.Storage.AgriLinkDatabase.Postgres(database.ConnectionString)));

        await using var migrated = PostgresApps.Start(folder.Path, PostgresApps.Settings(database, seedDemo: true));
        var onPostgres = new DemoSignIn(migrated);
        var ledger = migrated.Services.GetRequiredService<ILedger>();
        Assert.Equal(balances.OrderBy(b => b.Key), (await ledger.BalancesAsync("", Api.Ct)).OrderBy(b => b.Key));
        var canteenAgain = await onPostgres.As("buyer.canteen");
        Assert.Equal(order, (await canteenAgain.GetObject($"/api/orders/{orderId}")).ToJsonString());
        Assert.Equal(listing, (await onPostgres.Anonymous().GetObject($"/api/listings/{listingId}")).ToJsonString());

        // The lists are projections, not copied: the first silo on PostgreSQL filled them from the copied states (the invoices are copied).
        Assert.Contains("\"total\":1,", contracts, StringComparison.Ordinal);
        Assert.Equal(contracts, (await (await onPostgres.As("ent.qianfeng")).GetObject(OfftakeList)).ToJsonString());
        Assert.NotEmpty(invoices);
        Assert.Equal(invoices, await Invoices(await onPostgres.As("coop.congjiang")));
        // Invoices and the share register's entries are rows of record, not derived from states: copied.
        Assert.Equal(invoice, (await (await onPostgres.As("coop.congjiang")).GetObject($"/api/invoices/{invoices[0].Item1}")).ToJsonString());
        Assert.Contains("\"sequence\":1,", shareHistory, StringComparison.Ordinal);
        Assert.Equal(shareHistory, (await (await onPostgres.As("coop.panzhou")).GetArray(ShareHistory)).ToJsonString());

        // The copied ids continue: a new order on PostgreSQL writes its audit entries after the copied ones.
        var before = await database.CountAsync("audit_log");
        await PostgresApps.PlaceOrder(canteenAgain, listingId, quantity: 5);
        Assert.True(await database.CountAsync("audit_log") > before);
    }

    private const string OfftakeList = "/api/enterprises/ent-qianfeng/offtake-contracts";

    private const string ShareHistory = "/api/cooperatives/coop-pzcili/shares/history?limit=100";

    private static async Task<List<(string, string)>> Invoices(HttpClient cooperative) =>
        (await cooperative.GetObject("/api/cooperatives/coop-cjxiang/invoices"))["items"]!.AsArray()
            .Select(i => ((string)i!["number"]!, (string)i["status"]!)).ToList();

    private static async Task<(int Code, string Output)> MigrateAsync(params string[] options)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
        });
        var code = await PostgresMigrationCommand.RunAsync([PostgresMigrationCommand.Name, .. options], console, Api.Ct);
        return (code, output.ToString());
    }

    private static async Task<List<string>> VoterRowsAsync(AgriLinkDatabase database)
    {
        await using var connection = await database.OpenAsync(Api.Ct);
        return (await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT assembly_id || '|' || member_id FROM assembly_voters ORDER BY assembly_id, member_id")).ToList();
    }

    private static async Task<List<string>> GrainRowsAsync(AgriLinkDatabase database)
    {
        await using var connection = await database.OpenAsync(Api.Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_name, grain_id, version, payload FROM grain_state";
        await using var reader = await command.ExecuteReaderAsync(Api.Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Api.Ct))
        {
            var payload = reader.IsDBNull(3) ? "cleared" : Convert.ToBase64String(reader.GetFieldValue<byte[]>(3));
            rows.Add($"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetInt64(2)}|{payload}");
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
