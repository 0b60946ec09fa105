using System.Data.Common;
using AgriLink.Storage;
using AgriLink.Storage.Dialects;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgriLink.Hosting.Health;

/// <summary>
/// Ready when the database answers a read and takes a write: the probe takes the write lock and writes one meta row in a
/// transaction it rolls back, so nothing changes. A database locked by another process, read-only, or unreachable is
/// "not ready" within <see cref="Patience"/>, while writes would fail (issue 16, item 9).
/// </summary>
public sealed class DatabaseHealthCheck(AgriLinkDatabase database) : IHealthCheck
{
    /// <summary>How long the probe waits for the write lock; the app's own writes take milliseconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!await database.PingAsync(ct)) return HealthCheckResult.Unhealthy("The database does not answer.");
        return await WriteProblem(ct) is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy("The database answers and takes writes.");
    }

    private async Task<string?> WriteProblem(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Patience);
        try
        {
            // The process's own turn first (SQLite has one writer): a write stuck on the lock holds it.
            await using var turn = await database.EnterWriteAsync(timeout.Token);
            await using var connection = await OpenAsync(timeout.Token);
            await using var transaction = await database.Dialect.BeginWriteTransactionAsync(connection, timeout.Token);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = (int)Patience.TotalSeconds;
            command.CommandText = database.Dialect.Upsert("meta", ["key", "value"], ["key"]);
            database.Dialect.AddParameter(command, "@key", "health.write-probe");
            database.Dialect.AddParameter(command, "@value", DateTimeOffset.UtcNow.ToString("O"));
            await command.ExecuteNonQueryAsync(timeout.Token);
            await transaction.RollbackAsync(CancellationToken.None);
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"Writes cannot get the database within {Patience.TotalSeconds:0} s (locked or busy).";
        }
        catch (DbException e)
        {
            return $"The database refuses writes: {e.Message}";
        }
    }

    /// <summary>
    /// SQLite: a connection of the probe's own, outside the pool, waiting at most <see cref="Patience"/> for the lock
    /// (pooled connections wait the app's longer busy timeout). Other engines: a pooled one.
    /// </summary>
    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (database.Dialect is not SqliteDialect) return await database.OpenAsync(ct);
        var builder = new SqliteConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false, DefaultTimeout = (int)Patience.TotalSeconds, Mode = SqliteOpenMode.ReadWrite,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
