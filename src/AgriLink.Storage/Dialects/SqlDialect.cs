using System.Data.Common;

namespace AgriLink.Storage.Dialects;

/// <summary>
/// Everything that differs between the relational engines AgriLink runs on (SQLite embedded,
/// PostgreSQL in a cluster). The rest of the storage code speaks only <c>System.Data.Common</c>,
/// so supporting another engine means adding one subclass and nothing else.
/// </summary>
public abstract class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>True when the engine allows one writer at a time (SQLite): the process then queues its writers itself.</summary>
    public virtual bool SingleWriter => false;

    /// <summary>DDL for every table, index and trigger; each statement must be idempotent (IF NOT EXISTS).</summary>
    public abstract IReadOnlyList<string> SchemaStatements { get; }

    /// <summary>
    /// Columns added to tables an older schema made (schema version 11 on): table, column and its type, added when missing
    /// (SQLite's ALTER TABLE has no IF NOT EXISTS), then <see cref="StatementsAfterColumns"/> (their indexes).
    /// </summary>
    public virtual IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns => [];

    /// <summary>Statements that need <see cref="AddedColumns"/> (indexes over them); safe to run on every start.</summary>
    public virtual IReadOnlyList<string> StatementsAfterColumns => [];

    /// <summary>Counts the columns named <c>@column</c> of the table <c>@table</c> (0 or 1).</summary>
    public abstract string ColumnExistsSql { get; }

    /// <summary>Creates an unopened connection for the engine's ADO.NET provider.</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Per-connection settings (pragmas, session options), run after an open (SQLite: once per pooled physical connection).</summary>
    public virtual Task InitializeConnectionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Starts the short transaction a write runs in. Engines that lock lazily override this to take the
    /// write lock up front, so a read-then-write inside the transaction cannot deadlock-abort.
    /// </summary>
    public virtual ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(cancellationToken);

    /// <summary>A query counting the tables named <c>@name</c> in the connection's own schema (0 or 1).</summary>
    public abstract string TableExistsSql { get; }

    /// <summary>
    /// Statements taking and releasing a lock named <c>@name</c> that other processes on the same database respect, for
    /// one-time work outside the schema transaction (creating Identity's tables); null where one process owns the
    /// database (SQLite), so none is needed.
    /// </summary>
    public virtual (string Take, string Release)? SessionLockSql => null;

    /// <summary>
    /// Statements run in a write transaction just before it appends to the outbox, so outbox numbers follow commit order
    /// (and, where the engine can, followers in other processes hear of it at commit). None where one writer runs at a time.
    /// </summary>
    public virtual IReadOnlyList<string> OutboxOrderingSql => [];

    /// <summary>
    /// A statement taking transaction locks on each of <c>@keys</c> (a string array: entities whose contributions to running
    /// totals a write reads and moves), in key order; null where one writer runs at a time (SQLite), so none is needed.
    /// </summary>
    public virtual string? EntityLocksSql => null;

    /// <summary>True when the exception is a primary-key or unique-constraint violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>The value to bind for a timestamp column (TEXT in SQLite, TIMESTAMPTZ in PostgreSQL).</summary>
    public abstract object ToDbTimestamp(DateTimeOffset value);

    public abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    /// <summary>The value to bind for a date compared with a date column in a query (DATE in PostgreSQL, yyyy-MM-dd text in SQLite).</summary>
    public virtual object ToDbDate(DateOnly value) => value;

    /// <summary>
    /// INSERT that silently does nothing when the key already exists (0 rows affected), so callers can
    /// tell "created" from "already there" without relying on an exception that would abort a PostgreSQL transaction.
    /// Parameters are named <c>@column</c>. SQLite (3.24+) and PostgreSQL share the ON CONFLICT form.
    /// </summary>
    public virtual string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        $"{Insert(table, columns)} ON CONFLICT ({string.Join(", ", keyColumns)}) DO NOTHING";

    /// <summary>
    /// INSERT or, when the key exists, overwrite the non-key columns (a table that is all key has nothing to overwrite: the
    /// row is left as it is). Parameters are named <c>@column</c>.
    /// </summary>
    public virtual string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns)
    {
        var updates = columns.Except(keyColumns).Select(c => $"{c} = excluded.{c}").ToList();
        return updates.Count == 0
            ? InsertIfAbsent(table, columns, keyColumns)
            : $"{Insert(table, columns)} ON CONFLICT ({string.Join(", ", keyColumns)}) DO UPDATE SET {string.Join(", ", updates)}";
    }

    /// <summary>
    /// A condition true when <paramref name="column"/> starts with <paramref name="prefix"/> exactly (case-sensitive,
    /// no wildcards), and the value to bind to <paramref name="parameterName"/> for it. The default is portable but
    /// cannot use an index; engines override it with a form that can.
    /// </summary>
    public virtual (string Condition, object Value) StartsWith(string column, string parameterName, string prefix) =>
        ($"substr({column}, 1, length({parameterName})) = {parameterName}", prefix);

    /// <summary>
    /// A condition true when <paramref name="column"/> is one of the values of the list parameter <paramref name="parameter"/>,
    /// as Dapper binds lists: it expands <c>IN @list</c> into one parameter per value, except for PostgreSQL, where it binds
    /// one array parameter (so the form there is <c>= ANY(@list)</c>).
    /// </summary>
    public virtual string InList(string column, string parameter) => $"{column} IN {parameter}";

    /// <summary>Binds a named parameter; null becomes DBNull. Override where a provider needs explicit types.</summary>
    public virtual void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string Insert(string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
}
