using AgriLink.Storage;
using Dapper;
using Microsoft.Extensions.Logging;

namespace AgriLink.Grains.Common;

/// <summary>
/// Once the silo serves, once per database: every grain whose stored state may still hold a list that is now rows is
/// activated, and its activation writes the rows and drops the list from its state (each grain does its own move). Stamped
/// in <c>meta</c> when every one loaded; one that failed is tried again at the next start (and on its first call anyway).
/// </summary>
internal abstract partial class StateRowsUpgrade(AgriLinkDatabase database, ILogger logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The grain state whose grains are activated.</summary>
    protected abstract string StateName { get; }

    /// <summary>The meta key stamped when every one of them loaded.</summary>
    protected abstract string DoneKey { get; }

    /// <summary>Any call that activates the grain of that key.</summary>
    protected abstract Task ActivateAsync(string key);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(GetType().Name, ServiceLifecycleStage.Active, UpgradeAsync);

    private async Task UpgradeAsync(CancellationToken ct)
    {
        if (await database.GetMetaAsync(DoneKey, ct) is not null) return;
        List<string> grains;
        await using (var connection = await database.OpenAsync(ct))
            grains = (await connection.QueryAsync<string>(
                "SELECT grain_id FROM grain_state WHERE state_name = @StateName AND payload IS NOT NULL ORDER BY grain_id", new { StateName })).AsList();
        var failed = 0;
        foreach (var grainId in grains)
        {
            var key = GrainId.Parse(grainId).Key.ToString()!;
            try
            {
                await ActivateAsync(key);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One grain that cannot load must not keep the silo from serving.
                failed++;
                LogNotUpgraded(e, StateName, key);
            }
        }

        if (failed > 0) return;
        await database.SetMetaAsync(DoneKey, "1", ct);
        if (grains.Count > 0) LogUpgraded(grains.Count, StateName);
    }

    [LoggerMessage(LogLevel.Information, "{Count} grains of state {StateName} checked for lists kept in their state; those lists are rows now")]
    private partial void LogUpgraded(int count, string stateName);

    [LoggerMessage(LogLevel.Warning, "Grain {Key} of state {StateName} could not be loaded to move its list into rows")]
    private partial void LogNotUpgraded(Exception exception, string stateName, string key);
}

/// <summary>Invoice books stored before their invoices were rows (<see cref="Invoices.InvoiceRows"/>).</summary>
internal sealed class InvoiceBookUpgrade(AgriLinkDatabase database, IGrainFactory grains, ILogger<InvoiceBookUpgrade> log)
    : StateRowsUpgrade(database, log)
{
    protected override string StateName => "invoice-book";

    protected override string DoneKey => Invoices.InvoiceRows.UpgradedKey;

    protected override Task ActivateAsync(string key) => grains.GetGrain<Invoices.IInvoiceBookGrain>(key).Get("");
}

/// <summary>Share registers stored before their history was rows (<see cref="Projections.ShareHistory"/>).</summary>
internal sealed class ShareRegisterUpgrade(AgriLinkDatabase database, IGrainFactory grains, ILogger<ShareRegisterUpgrade> log)
    : StateRowsUpgrade(database, log)
{
    protected override string StateName => "share-register";

    protected override string DoneKey => Projections.ShareHistory.UpgradedKey;

    protected override Task ActivateAsync(string key) => grains.GetGrain<Shares.IShareRegisterGrain>(key).GetCharter();
}
