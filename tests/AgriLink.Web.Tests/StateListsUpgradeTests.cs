using AgriLink.Domain.Shares;
using AgriLink.Grains.Invoices;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Shares;
using AgriLink.Storage;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Postgres;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// An invoice book's invoices are rows (<c>invoices</c>, <c>invoice_documents</c>) written with each change; its state keeps
/// the numbering and unfinished work. A share register's entries are rows (<c>share_events</c>); its state keeps the
/// register's snapshot. A data folder whose books and registers still hold those lists in their state is upgraded once on
/// start: the rows are written from those states, the states drop the lists, and the API answers as before.
/// </summary>
public sealed class StateListsUpgradeTests
{
    private static readonly ProjectionTable[] Tables = [ProjectionTables.Invoices, ProjectionTables.InvoiceDocuments, ProjectionTables.ShareEvents];

    private const string Book = "coop-cjxiang";

    private const string Register = "coop-pzcili";

    [Fact]
    public Task AnOlderDataFolderWritesItsInvoicesAndShareEntriesAsRowsOnStart() => Upgrade(null);

    [Fact]
    public async Task AnOlderDatabaseWritesItsInvoicesAndShareEntriesAsRowsOnStartOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await Upgrade(database);
    }

    private static async Task Upgrade(PostgresDatabase? postgres)
    {
        using var folder = new TempFolder();
        var settings = PostgresApps.Settings(postgres, seedDemo: true);
        Dictionary<string, List<string>> written;
        ShareRegisterSnapshot snapshot;
        string list, detail, number, register, lastYear, history;
        await using (var first = PostgresApps.Start(folder.Path, settings))
        {
            // The demo's 从江 book has issued one invoice and recorded its payment; its state holds none of it.
            var cooperative = await new DemoSignIn(first).As("coop.congjiang");
            var listed = await cooperative.GetObject($"/api/cooperatives/{Book}/invoices");
            number = (string)listed["items"]!.AsArray().Single()!["number"]!;
            list = listed.ToJsonString();
            detail = (await cooperative.GetObject($"/api/invoices/{number}")).ToJsonString();
            Assert.Contains("\"status\":\"Paid\"", detail, StringComparison.Ordinal);
            var panzhou = await new DemoSignIn(first).As("coop.panzhou");
            register = (await panzhou.GetObject($"/api/cooperatives/{Register}/shares")).ToJsonString();
            lastYear = (await panzhou.GetObject($"/api/cooperatives/{Register}/shares?asOf={DateTime.UtcNow.Year - 1}-01-01")).ToJsonString();
            history = (await panzhou.GetArray($"/api/cooperatives/{Register}/shares/history?after=1&limit=3")).ToJsonString();

            var database = first.Services.GetRequiredService<AgriLinkDatabase>();
            var serializer = first.Services.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main);
            written = await RowsAsync(database);
            Assert.Single(written["invoices"]);
            Assert.Single(written["invoice_documents"]);
            var current = await BookStateAsync(database, serializer);
            Assert.True(current.RowsHeld);
            Assert.Empty(current.Invoices);
            Assert.Equal(1, current.LastSequence.Values.Single());

            // As a build from before the rows left it: the book's state holds its invoices (their work done), no rows, no stamp.
            var invoice = InvoiceRows.Read((await ColumnAsync(database, "SELECT document FROM invoice_documents")).Single());
            var legacy = new InvoiceBookState
            {
                LastSequence = current.LastSequence,
                Invoices = [new BookedInvoice { Invoice = invoice, OrdersMarked = true, IssuePosted = true, PaymentSettled = true }],
            };
            await using var connection = await database.OpenAsync(Api.Ct);
            Assert.Equal(1, await connection.ExecuteAsync("UPDATE grain_state SET payload = @payload WHERE state_name = 'invoice-book' AND grain_id = @grainId",
                new { payload = serializer.Serialize(legacy).ToArray(), grainId = await BookGrainIdAsync(database) }));
            // Likewise the register: its whole history in its state, no snapshot.
            var shares = await StateAsync<ShareRegisterState>(database, serializer, "share-register", Register);
            Assert.Empty(shares.Events);
            var entries = await new ShareHistory(database).After(Register, 0, int.MaxValue);
            Assert.Equal(shares.Snapshot!.LastSequence, entries.Count);
            Assert.True(entries.Count > 3, "The demo register has a history worth paging.");
            Assert.Equal(1, await connection.ExecuteAsync("UPDATE grain_state SET payload = @payload WHERE state_name = 'share-register' AND grain_id = @grainId",
                new { payload = serializer.Serialize(shares with { Events = entries, Snapshot = null }).ToArray(),
                    grainId = await GrainIdAsync(database, "share-register", Register) }));

            foreach (var table in Tables) await connection.ExecuteAsync($"DELETE FROM {table.Name}");
            await connection.ExecuteAsync("DELETE FROM meta WHERE key = @key OR key = @other", new { key = InvoiceRows.UpgradedKey, other = ShareHistory.UpgradedKey });
            snapshot = shares.Snapshot;
        }

        await using var second = PostgresApps.Start(folder.Path, settings);
        var upgraded = second.Services.GetRequiredService<AgriLinkDatabase>();
        Assert.Equal(written, await RowsAsync(upgraded));
        Assert.Equal("1", await upgraded.GetMetaAsync(InvoiceRows.UpgradedKey, Api.Ct));
        var state = await BookStateAsync(upgraded, second.Services.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main));
        Assert.True(state.RowsHeld);
        Assert.Empty(state.Invoices);
        Assert.Equal("1", await upgraded.GetMetaAsync(ShareHistory.UpgradedKey, Api.Ct));
        var registerState = await StateAsync<ShareRegisterState>(upgraded, second.Services.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main),
            "share-register", Register);
        Assert.Empty(registerState.Events);
        Assert.Equivalent(snapshot, registerState.Snapshot, strict: true);

        var panzhouAgain = await new DemoSignIn(second).As("coop.panzhou");
        Assert.Equal(register, (await panzhouAgain.GetObject($"/api/cooperatives/{Register}/shares")).ToJsonString());
        Assert.Equal(lastYear, (await panzhouAgain.GetObject($"/api/cooperatives/{Register}/shares?asOf={DateTime.UtcNow.Year - 1}-01-01")).ToJsonString());
        Assert.Equal(history, (await panzhouAgain.GetArray($"/api/cooperatives/{Register}/shares/history?after=1&limit=3")).ToJsonString());

        var again = await new DemoSignIn(second).As("coop.congjiang");
        Assert.Equal(list, (await again.GetObject($"/api/cooperatives/{Book}/invoices")).ToJsonString());
        Assert.Equal(detail, (await again.GetObject($"/api/invoices/{number}")).ToJsonString());

        // A rebuild leaves the rows alone: no state derives them any more.
        Assert.True((await second.Services.GetRequiredService<ProjectionRebuilder>().RebuildAsync(null, Api.Ct)).Consistent);
        Assert.Equal(written, await RowsAsync(upgraded));
    }

    private static Task<string> BookGrainIdAsync(AgriLinkDatabase database) => GrainIdAsync(database, "invoice-book", Book);

    private static Task<InvoiceBookState> BookStateAsync(AgriLinkDatabase database, IGrainStorageSerializer serializer) =>
        StateAsync<InvoiceBookState>(database, serializer, "invoice-book", Book);

    private static async Task<string> GrainIdAsync(AgriLinkDatabase database, string stateName, string key) =>
        (await ColumnAsync(database, $"SELECT grain_id FROM grain_state WHERE state_name = '{stateName}'")).Single(id => GrainId.Parse(id).Key.ToString() == key);

    private static async Task<T> StateAsync<T>(AgriLinkDatabase database, IGrainStorageSerializer serializer, string stateName, string key)
    {
        await using var connection = await database.OpenAsync(Api.Ct);
        var payload = await connection.QuerySingleAsync<byte[]>("SELECT payload FROM grain_state WHERE state_name = @stateName AND grain_id = @grainId",
            new { stateName, grainId = await GrainIdAsync(database, stateName, key) });
        return serializer.Deserialize<T>(new BinaryData(payload)) ?? throw new InvalidDataException($"No {stateName} state.");
    }

    private static async Task<List<string>> ColumnAsync(AgriLinkDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(Api.Ct);
        return (await connection.QueryAsync<string>(sql)).AsList();
    }

    private static Task<Dictionary<string, List<string>>> RowsAsync(AgriLinkDatabase database) => TableRows.ReadAsync(database, Tables);
}
