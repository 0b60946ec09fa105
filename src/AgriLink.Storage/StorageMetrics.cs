using System.Diagnostics.Metrics;

namespace AgriLink.Storage;

/// <summary>
/// What the database was asked to write, counted by the engine itself (SQLite's commit and update hooks on every
/// connection this process opens): commits of write transactions (explicit or autocommit) and rows inserted, updated
/// or deleted (triggers' rows included, as SQLite reports them). Published on the <see cref="MeterName"/> meter (the web
/// host's <c>/metrics</c> as <c>agrilink_storage_commits_total</c> and <c>agrilink_storage_rows_written_total</c>) and
/// readable as totals, so a benchmark can explain a burst by its writes. PostgreSQL connections are not counted.
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "AgriLink.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static long s_commits;
    private static long s_rows;

    static StorageMetrics()
    {
        Meter.CreateObservableCounter("agrilink.storage.commits", () => Commits, description: "Write transactions committed (SQLite)");
        Meter.CreateObservableCounter("agrilink.storage.rows_written", () => RowsWritten, description: "Rows inserted, updated or deleted (SQLite)");
    }

    /// <summary>Write transactions committed since the process started.</summary>
    public static long Commits => Interlocked.Read(ref s_commits);

    /// <summary>Rows inserted, updated or deleted since the process started.</summary>
    public static long RowsWritten => Interlocked.Read(ref s_rows);

    internal static void Committed() => Interlocked.Increment(ref s_commits);

    internal static void RowWritten() => Interlocked.Increment(ref s_rows);
}
