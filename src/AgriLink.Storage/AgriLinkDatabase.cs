using System.Collections.Concurrent;
using System.Data.Common;
using AgriLink.Storage.Dialects;
using Microsoft.Data.Sqlite;

namespace AgriLink.Storage;

/// <summary>
/// The one relational database behind grain state, the ledger, reminders, the audit log and small metadata:
/// an embedded SQLite file (<see cref="Sqlite"/>) or a shared PostgreSQL database (<see cref="Postgres"/>).
/// A singleton: it holds no open connection, only how to open one (the ADO.NET providers pool them).
/// </summary>
public sealed class AgriLinkDatabase(SqlDialect dialect, string connectionString)
{
    /// <summary>
    /// The schema this build writes; a database stamped with a higher version is refused. Every version only adds
    /// (IF NOT EXISTS), so an older database is brought up to date by <see cref="EnsureSchemaAsync"/>, which stamps this version beside the old one.
    /// 1: grain_state, audit_log, meta. 2: ledger_transfer, ledger_posting. 3: reminder. 4: outbox, outbox_consumer and the
    /// read-model tables of <see cref="Projections.ProjectionTables"/>. 5: dividend_lines and county_totals (the dashboard's
    /// running totals). 6: demands, offtake_contracts and invoices. 7: open_demands. 8: dividend_notices, assemblies and assembly_resolutions (the
    /// public notice board and the member assemblies). 9: invoice_documents (each invoice whole; the invoice book's state
    /// keeps only its numbering and unfinished work) and share_events (each share register's history, an entry per row).
    /// 10: household_declarations and monitoring_cases (防返贫监测). 11: dividend_digests (the notice's check code), fiscal_funds and fund_dividends (the fiscal-fund disclosure, 资金变股金).
    /// 12: area codes (统计用区划代码) on households and
    /// monitoring_cases (columns added, <see cref="SqlDialect.AddedColumns"/>), and monitoring_visits. 13: reviews and
    /// review_listings (buyers' reviews of delivered sub-orders); the 防返贫监测 dashboards' indexes (cases by category
    /// and channel, households without a village code); the listing's cover photo on <c>listings</c> (columns added),
    /// order_lines and listing_totals (each listing's sales). 14: assembly_ballots and assembly_voters (an online
    /// assembly's ballots and voters as rows; its state keeps the turnout); the 防返贫监测 dashboards' measures, outcomes and
    /// monitored households' incomes (monitoring_measures, monitoring_outcomes, monitored_incomes) and their running totals (monitoring_totals);
    /// aftersales_cases (售后) and credit_notes (the invoice books' credit notes for refunds of invoiced orders), complaints.
    /// </summary>
    public const int SchemaVersion = 14;

    public SqlDialect Dialect { get; } = dialect ?? throw new ArgumentNullException(nameof(dialect));

    /// <summary>One gate per database (connection string), shared by every instance in the process.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    public string ConnectionString { get; } =
        string.IsNullOrWhiteSpace(connectionString) ? throw new ArgumentException("A connection string is required.", nameof(connectionString)) : connectionString;

    /// <summary>An embedded database in one SQLite file; the folder is created if missing.</summary>
    public static AgriLinkDatabase Sqlite(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var fullPath = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        // A write blocked by SQLite's single writer lock gives up after 10 s, well inside Orleans' 30 s call
        // timeout, so a caller never hears "timed out" about a write that later commits.
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 10,
        };
        return new AgriLinkDatabase(new SqliteDialect(), builder.ConnectionString);
    }

    /// <summary>
    /// A shared PostgreSQL database (cluster mode), from an Npgsql connection string. The schema goes into the
    /// connection's first search-path schema (<c>public</c> unless <c>Search Path</c> says otherwise).
    /// </summary>
    public static AgriLinkDatabase Postgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // Parsed now, so a malformed string fails at start with the key it did not understand, not at the first write.
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return new AgriLinkDatabase(new PostgresDialect(), builder.ConnectionString);
    }

    /// <summary>
    /// Takes this process's turn to write, for engines with a single writer (SQLite). Writers then queue here, awaiting
    /// without a thread, instead of inside the engine's busy handler, which puts a blocked thread to sleep for growing
    /// intervals: under load (a flash sale's orders, audit entries and ledger posts at once) that sleeping, on two cores,
    /// costs more than the writes. Other processes on the same file still meet the busy timeout. Engines with concurrent
    /// writers (PostgreSQL) get a no-op turn. Hold it around one write transaction or autocommit write, never nested.
    /// </summary>
    public async ValueTask<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken = default)
    {
        if (!Dialect.SingleWriter) return default;
        var gate = WriteGates.GetOrAdd(ConnectionString, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new WriteTurn(gate);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await Dialect.InitializeConnectionAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates missing tables and stamps the schema version; safe to run on every start.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var turn = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await Dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        foreach (var statement in Dialect.SchemaStatements)
        {
            await using var ddl = CreateCommand(connection, transaction, statement);
            await ddl.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (table, column, definition) in Dialect.AddedColumns)
        {
            await using var exists = CreateCommand(connection, transaction, Dialect.ColumnExistsSql, ("@table", table), ("@column", column));
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken)) > 0) continue;
            // Names and types are the dialect's constants, never input.
            await using var alter = CreateCommand(connection, transaction, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var statement in Dialect.StatementsAfterColumns)
        {
            await using var ddl = CreateCommand(connection, transaction, statement);
            await ddl.ExecuteNonQueryAsync(cancellationToken);
        }

        // An older build must not write into a schema it does not understand.
        await using (var current = CreateCommand(connection, transaction, "SELECT MAX(version) FROM schema_version"))
        {
            if (await current.ExecuteScalarAsync(cancellationToken) is { } found and not DBNull && Convert.ToInt64(found) > SchemaVersion)
            {
                throw new InvalidOperationException($"The database schema is version {found}, newer than this build's {SchemaVersion}.");
            }
        }

        var stamp = Dialect.InsertIfAbsent("schema_version", ["version", "applied_at"], ["version"]);
        await using (var insert = CreateCommand(connection, transaction, stamp, ("@version", (long)SchemaVersion), ("@applied_at", Dialect.ToDbTimestamp(DateTimeOffset.UtcNow))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>For the readiness check: true when a connection opens and answers a trivial query.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = CreateCommand(connection, null, "SELECT 1");
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 1;
        }
        catch (DbException)
        {
            // Unreachable, locked beyond the busy timeout or corrupt: all mean "not ready", which is the answer.
            return false;
        }
    }

    /// <summary>True when the database (its own schema, for PostgreSQL) has a table of that exact name.</summary>
    public async Task<bool> TableExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = CreateCommand(connection, null, Dialect.TableExistsSql, ("@name", table));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    /// <summary>
    /// Runs <paramref name="work"/> while holding the lock <paramref name="name"/>, which every process on this database
    /// respects (PostgreSQL advisory lock); where one process owns the database (SQLite) it just runs it.
    /// </summary>
    public async Task RunExclusiveAsync(string name, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(work);
        if (Dialect.SessionLockSql is not { } sql)
        {
            await work(cancellationToken);
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using (var lockCommand = CreateCommand(connection, null, sql.Take, ("@name", name)))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await work(cancellationToken);
        }
        finally
        {
            // Closing the connection would release it too, but a pooled connection stays open.
            await using var unlock = CreateCommand(connection, null, sql.Release, ("@name", name));
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public async Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = CreateCommand(connection, null, "SELECT value FROM meta WHERE key = @key", ("@key", key));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetMetaAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        await using var turn = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        var sql = Dialect.Upsert("meta", ["key", "value"], ["key"]);
        await using var command = CreateCommand(connection, null, sql, ("@key", key), ("@value", value));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            Dialect.AddParameter(command, name, value);
        }

        return command;
    }
}

/// <summary>A turn to write (see <see cref="AgriLinkDatabase.EnterWriteAsync"/>); disposing it lets the next writer in.</summary>
public readonly struct WriteTurn(SemaphoreSlim? gate) : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        gate?.Release();
        return ValueTask.CompletedTask;
    }
}
