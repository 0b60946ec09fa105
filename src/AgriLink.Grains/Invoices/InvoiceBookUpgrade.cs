using AgriLink.Storage;
using Dapper;
using Microsoft.Extensions.Logging;

namespace AgriLink.Grains.Invoices;

/// <summary>
/// Once the silo serves, once per database: every invoice book stored before its invoices were rows is activated, and
/// its activation writes them as rows (<see cref="InvoiceRows"/>) and drops them from its state (<see cref="InvoiceBookGrain"/>).
/// Stamped in <c>meta</c> when every book loaded; a book that failed is tried again at the next start (and on its first call).
/// </summary>
internal sealed partial class InvoiceBookUpgrade(AgriLinkDatabase database, IGrainFactory grains, ILogger<InvoiceBookUpgrade> log)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(InvoiceBookUpgrade), ServiceLifecycleStage.Active, UpgradeAsync);

    private async Task UpgradeAsync(CancellationToken ct)
    {
        if (await database.GetMetaAsync(InvoiceRows.UpgradedKey, ct) is not null) return;
        List<string> books;
        await using (var connection = await database.OpenAsync(ct))
            books = (await connection.QueryAsync<string>(
                "SELECT grain_id FROM grain_state WHERE state_name = 'invoice-book' AND payload IS NOT NULL ORDER BY grain_id")).AsList();
        var failed = 0;
        foreach (var grainId in books)
        {
            var cooperativeId = GrainId.Parse(grainId).Key.ToString()!;
            try
            {
                // Any call activates the book, and its activation moves the invoices.
                await grains.GetGrain<IInvoiceBookGrain>(cooperativeId).Get("");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One book that cannot load must not keep the silo from serving.
                failed++;
                LogNotUpgraded(e, cooperativeId);
            }
        }

        if (failed > 0) return;
        await database.SetMetaAsync(InvoiceRows.UpgradedKey, "1", ct);
        if (books.Count > 0) LogUpgraded(books.Count);
    }

    [LoggerMessage(LogLevel.Information, "Invoice books checked for invoices kept in their state: {Count} books; their invoices are rows")]
    private partial void LogUpgraded(int count);

    [LoggerMessage(LogLevel.Warning, "Invoice book of cooperative {CooperativeId} could not be loaded to write its invoices as rows")]
    private partial void LogNotUpgraded(Exception exception, string cooperativeId);
}
