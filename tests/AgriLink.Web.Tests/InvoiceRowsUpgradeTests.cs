using AgriLink.Grains.Invoices;
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
/// the numbering and unfinished work. A data folder whose books still hold every invoice in their state is upgraded once on
/// start: the rows are written from those states, the states drop them, and the API answers as before.
/// </summary>
public sealed class InvoiceRowsUpgradeTests
{
    private static readonly ProjectionTable[] Tables = [ProjectionTables.Invoices, ProjectionTables.InvoiceDocuments];

    private const string Book = "coop-cjxiang";

    [Fact]
    public Task AnOlderDataFolderWritesItsBooksInvoicesAsRowsOnStart() => Upgrade(null);

    [Fact]
    public async Task AnOlderDatabaseWritesItsBooksInvoicesAsRowsOnStartOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await Upgrade(database);
    }

    private static async Task Upgrade(PostgresDatabase? postgres)
    {
        using var folder = new TempFolder();
        var settings = PostgresApps.Settings(postgres, seedDemo: true);
        Dictionary<string, List<string>> written;
        string list, detail, number;
        await using (var first = PostgresApps.Start(folder.Path, settings))
        {
            // The demo's 从江 book has issued one invoice and recorded its payment; its state holds none of it.
            var cooperative = await new DemoSignIn(first).As("coop.congjiang");
            var listed = await cooperative.GetObject($"/api/cooperatives/{Book}/invoices");
            number = (string)listed["items"]!.AsArray().Single()!["number"]!;
            list = listed.ToJsonString();
            detail = (await cooperative.GetObject($"/api/invoices/{number}")).ToJsonString();
            Assert.Contains("\"status\":\"Paid\"", detail, StringComparison.Ordinal);

            var database = first.Services.GetRequiredService<AgriLinkDatabase>();
            var serializer = first.Services.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main);
            written = await RowsAsync(database);
            Assert.All(Tables, t => Assert.Single(written[t.Name]));
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
            foreach (var table in Tables) await connection.ExecuteAsync($"DELETE FROM {table.Name}");
            await connection.ExecuteAsync("DELETE FROM meta WHERE key = @key", new { key = InvoiceRows.UpgradedKey });
        }

        await using var second = PostgresApps.Start(folder.Path, settings);
        var upgraded = second.Services.GetRequiredService<AgriLinkDatabase>();
        Assert.Equal(written, await RowsAsync(upgraded));
        Assert.Equal("1", await upgraded.GetMetaAsync(InvoiceRows.UpgradedKey, Api.Ct));
        var state = await BookStateAsync(upgraded, second.Services.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main));
        Assert.True(state.RowsHeld);
        Assert.Empty(state.Invoices);

        var again = await new DemoSignIn(second).As("coop.congjiang");
        Assert.Equal(list, (await again.GetObject($"/api/cooperatives/{Book}/invoices")).ToJsonString());
        Assert.Equal(detail, (await again.GetObject($"/api/invoices/{number}")).ToJsonString());

        // A rebuild leaves the rows alone: no state derives them any more.
        Assert.True((await second.Services.GetRequiredService<ProjectionRebuilder>().RebuildAsync(null, Api.Ct)).Consistent);
        Assert.Equal(written, await RowsAsync(upgraded));
    }

    private static async Task<string> BookGrainIdAsync(AgriLinkDatabase database) =>
        (await ColumnAsync(database, "SELECT grain_id FROM grain_state WHERE state_name = 'invoice-book'"))
        .Single(id => GrainId.Parse(id).Key.ToString() == Book);

    private static async Task<InvoiceBookState> BookStateAsync(AgriLinkDatabase database, IGrainStorageSerializer serializer)
    {
        await using var connection = await database.OpenAsync(Api.Ct);
        var payload = await connection.QuerySingleAsync<byte[]>("SELECT payload FROM grain_state WHERE state_name = 'invoice-book' AND grain_id = @grainId",
            new { grainId = await BookGrainIdAsync(database) });
        return serializer.Deserialize<InvoiceBookState>(new BinaryData(payload)) ?? throw new InvalidDataException("No book state.");
    }

    private static async Task<List<string>> ColumnAsync(AgriLinkDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(Api.Ct);
        return (await connection.QueryAsync<string>(sql)).AsList();
    }

    private static Task<Dictionary<string, List<string>>> RowsAsync(AgriLinkDatabase database) => TableRows.ReadAsync(database, Tables);
}
