using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Domain.Quantities;
using AgriLink.Grains.Matching;
using AgriLink.Storage;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Postgres;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// The demand and offtake contract lists are projections. A data folder from before them (no rows, the states
/// of the whole-list grains they replace, an older projection version) is filled once on start with the same rows the
/// grains wrote, the retired states are dropped, and a rebuild from the grain states makes those rows again. (Invoices
/// are their book's rows, not derived from its state: <see cref="InvoiceRowsUpgradeTests"/>.)
/// </summary>
public sealed class TradeListsUpgradeTests
{
    private static readonly ProjectionTable[] Lists =
        [ProjectionTables.Demands, ProjectionTables.OpenDemands, ProjectionTables.OfftakeContracts];

    private static readonly string[] Retired = ["buyer-demands", "offtake-index", "buyer-invoices", "open-demands"];

    [Fact]
    public Task AnOlderDataFolderIsFilledOnStartAndARebuildMakesTheSameRows() => UpgradeAndRebuild(null);

    [Fact]
    public async Task AnOlderDatabaseIsFilledOnStartAndARebuildMakesTheSameRowsOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await UpgradeAndRebuild(database);
    }

    private static async Task UpgradeAndRebuild(PostgresDatabase? postgres)
    {
        using var folder = new TempFolder();
        var settings = PostgresApps.Settings(postgres, seedDemo: true);
        Dictionary<string, List<string>> written;
        await using (var first = PostgresApps.Start(folder.Path, settings))
        {
            // The demo has an offtake contract; a demand is added.
            var canteen = await new DemoSignIn(first).As("buyer.canteen");
            using (var posted = await canteen.SendJson(HttpMethod.Post, "/api/buyers/buyer-gzcanteen/demands", new JsonObject
                   {
                       ["title"] = "升级测试刺梨", ["category"] = "Fruit", ["keywords"] = new JsonArray("刺梨"), ["quantity"] = 12.5m, ["unit"] = "Kilogram",
                       ["deliverBy"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["deliveryRegionCode"] = "440103",
                   }))
                await posted.AssertOk(HttpStatusCode.Created);

            var database = first.Services.GetRequiredService<AgriLinkDatabase>();
            written = await RowsAsync(database);
            Assert.All(Lists, t => Assert.NotEmpty(written[t.Name]));
            Assert.Contains(written["demands"], row => row.Contains("|升级测试刺梨|Fruit|Open|12.5|Kilogram|", StringComparison.Ordinal));
            // Its criteria for the matcher, read back whole.
            var open = Assert.Single(written["open_demands"], row => row.Contains("升级测试刺梨", StringComparison.Ordinal)).Split('|');
            Assert.Equal(("buyer-gzcanteen", "Fruit", "1"), (open[1], open[2], open[4]));
            var spec = OpenDemandRows.Read(open[3]);
            Assert.Equal((12.5m, Unit.Kilogram, "440103"), (spec.Quantity, spec.Unit, spec.DeliveryRegionCode));
            Assert.Equal(["刺梨"], spec.Keywords);

            // As a build from before these lists left it.
            await using var connection = await database.OpenAsync(Api.Ct);
            foreach (var table in Lists) await connection.ExecuteAsync($"DELETE FROM {table.Name}");
            foreach (var state in Retired)
                await connection.ExecuteAsync("INSERT INTO grain_state (state_name, grain_id, grain_type, version, payload, updated_at) " +
                    "VALUES (@state, @grain, 'old', 1, NULL, @at)", new { state, grain = $"{state}/x", at = database.Dialect.ToDbTimestamp(DateTimeOffset.UtcNow) });
            await database.SetMetaAsync(ProjectionRebuilder.VersionKey, "4", Api.Ct);
        }

        await using var second = PostgresApps.Start(folder.Path, settings);
        var upgraded = second.Services.GetRequiredService<AgriLinkDatabase>();
        Assert.Equal(written, await RowsAsync(upgraded));
        await using (var connection = await upgraded.OpenAsync(Api.Ct))
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM grain_state WHERE {upgraded.Dialect.InList("state_name", "@Retired")}",
                new { Retired }));

        var report = await second.Services.GetRequiredService<ProjectionRebuilder>().RebuildAsync(null, Api.Ct);
        Assert.True(report.Consistent);
        Assert.Equal(written, await RowsAsync(upgraded));
    }

    private static Task<Dictionary<string, List<string>>> RowsAsync(AgriLinkDatabase database) => TableRows.ReadAsync(database, Lists);
}
