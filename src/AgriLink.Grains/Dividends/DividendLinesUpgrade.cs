using AgriLink.Storage;
using Dapper;
using Microsoft.Extensions.Logging;

namespace AgriLink.Grains.Dividends;

/// <summary>
/// Once the silo serves: declarations whose inputs were stored before the charter was kept beside them have no rows in
/// <c>dividend_lines</c> (their projector cannot compute the lines). Activating each such declaration stores its inputs
/// again with the charter (<see cref="DividendDeclarationGrain"/>), which projects the lines and moves the county
/// totals. An upgrade of older data folders: on a current one the query finds nothing.
/// </summary>
internal sealed partial class DividendLinesUpgrade(AgriLinkDatabase database, IGrainFactory grains, ILogger<DividendLinesUpgrade> log)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private const string WithoutLines =
        "SELECT d.id FROM dividend_declarations d WHERE d.line_count > 0 AND NOT EXISTS (SELECT 1 FROM dividend_lines l WHERE l.declaration_id = d.id)";

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DividendLinesUpgrade), ServiceLifecycleStage.Active, UpgradeAsync);

    private async Task UpgradeAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var ids = (await connection.QueryAsync<string>(WithoutLines)).AsList();
        foreach (var id in ids)
        {
            try
            {
                await grains.GetGrain<IDividendDeclarationGrain>(id).Get();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One declaration that cannot load (an unfinished computation) must not keep the silo from serving.
                LogNotUpgraded(e, id);
            }
        }

        if (ids.Count > 0) LogUpgraded(ids.Count);
    }

    [LoggerMessage(LogLevel.Information, "Dividend lines projected for {Count} declarations stored before their charter was kept with their inputs")]
    private partial void LogUpgraded(int count);

    [LoggerMessage(LogLevel.Warning, "Dividend declaration {Id} could not be loaded to project its lines")]
    private partial void LogNotUpgraded(Exception exception, string id);
}
