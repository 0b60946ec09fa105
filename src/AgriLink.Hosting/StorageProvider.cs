namespace AgriLink.Hosting;

/// <summary>Where grain state, the ledger, reminders, the audit log and Identity live (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>The default: one SQLite file in the data folder (embedded installations).</summary>
    Sqlite,

    /// <summary>A shared PostgreSQL database named by <c>ConnectionStrings:AgriLink</c> (cluster mode).</summary>
    PostgreSQL,
}
