using AgriLink.Storage;
using AgriLink.Storage.Dialects;
using AgriLink.Web.Auth;
using AgriLink.Web.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgriLink.Web.Migration;

/// <summary>
/// Moves an embedded installation (SQLite) into PostgreSQL: grain state, reminders, the ledger, the audit log, metadata
/// and Identity's users, roles, claims, logins and tokens. Everything is copied in one PostgreSQL transaction, so a run
/// that fails part-way leaves the target as empty as it found it and can simply be run again; a target that already
/// holds data is refused before anything is written. Ids are kept (ledger transfer ids are stored in grain state).
/// </summary>
public sealed class PostgresMigration(AgriLinkDatabase source, AgriLinkDatabase target)
{
    public const string IdentityTitle = "Identity (users, roles, claims)";

    /// <summary>Rows between two progress reports.</summary>
    private const int ReportEvery = 500;

    /// <summary>
    /// Brings both schemas up to date (the target's created, Identity's tables included) and counts what there is to
    /// copy, per table title; throws <see cref="MigrationRefusedException"/> when the target already holds data.
    /// </summary>
    public async Task<IReadOnlyList<(string Title, long Rows)>> PrepareAsync(CancellationToken ct)
    {
        if (target.Dialect is not PostgresDialect) throw new MigrationRefusedException("The target must be a PostgreSQL database.");
        await using (var sourceStore = SourceStore()) await IdentitySchema.EnsureAsync(source, sourceStore, ct);
        await using (var targetStore = TargetStore(null)) await IdentitySchema.EnsureAsync(target, targetStore, ct);

        var occupied = new List<string>();
        foreach (var table in CopiedTable.All)
        {
            if (await CountAsync(target, table.Table, ct) is var rows and > 0) occupied.Add($"{table.Table} ({rows} rows)");
        }

        if (await CountAsync(target, IdentitySchema.UsersTable, ct) is var users and > 0) occupied.Add($"{IdentitySchema.UsersTable} ({users} rows)");
        if (occupied.Count > 0)
        {
            throw new MigrationRefusedException(
                $"The target database already holds data: {string.Join(", ", occupied)}. Nothing was copied. " +
                "Migrate into a new, empty database (or drop this one's AgriLink tables first).");
        }

        var counts = new List<(string, long)>();
        foreach (var table in CopiedTable.All) counts.Add((table.Title, await CountAsync(source, table.Table, ct, table.Where)));
        await using (var store = SourceStore())
        {
            counts.Add((IdentityTitle, await store.Users.LongCountAsync(ct) + await store.Roles.LongCountAsync(ct) + await store.UserRoles.LongCountAsync(ct) +
                                       await store.UserClaims.LongCountAsync(ct) + await store.RoleClaims.LongCountAsync(ct) +
                                       await store.UserLogins.LongCountAsync(ct) + await store.UserTokens.LongCountAsync(ct) +
                                       await store.AccountCodes.LongCountAsync(ct) + await store.AccountSignIns.LongCountAsync(ct)));
        }

        return counts;
    }

    /// <summary>Copies everything in one transaction; <paramref name="progress"/> hears (table title, rows copied so far).</summary>
    public async Task CopyAsync(Action<string, long> progress, CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)await target.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var table in CopiedTable.All)
        {
            await CopyTableAsync(table, connection, progress, ct);
        }

        await CopyIdentityAsync(connection, transaction, progress, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task CopyTableAsync(CopiedTable table, NpgsqlConnection connection, Action<string, long> progress, CancellationToken ct)
    {
        await using var reading = await source.OpenAsync(ct);
        await using var select = reading.CreateCommand();
        select.CommandText = table.SelectSql;
        await using var reader = await select.ExecuteReaderAsync(ct);
        long copied = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(table.CopySql, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                await writer.StartRowAsync(ct);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var column = table.Columns[i];
                    if (await reader.IsDBNullAsync(i, ct)) await writer.WriteNullAsync(ct);
                    else await writer.WriteAsync(column.Read(source, reader, i), column.Type, ct);
                }

                if (++copied % ReportEvery == 0) progress(table.Title, copied);
            }

            await writer.CompleteAsync(ct);
        }

        if (table.ContinueIdentitySql is { } continueIdentity)
        {
            await using var sequence = new NpgsqlCommand(continueIdentity, connection);
            await sequence.ExecuteNonQueryAsync(ct);
        }

        progress(table.Title, copied);
    }

    /// <summary>Through Entity Framework on both sides, which converts SQLite's stored values into PostgreSQL's types.</summary>
    private async Task CopyIdentityAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Action<string, long> progress, CancellationToken ct)
    {
        await using var from = SourceStore();
        await using var to = TargetStore(connection);
        await to.Database.UseTransactionAsync(transaction, ct);
        long copied = 0;

        async Task CopyAsync<T>(IQueryable<T> rows, Func<T, T>? adjust = null) where T : class
        {
            var all = await rows.AsNoTracking().ToListAsync(ct);
            foreach (var row in all)
            {
                to.Add(adjust is null ? row : adjust(row));
            }

            await to.SaveChangesAsync(ct);
            to.ChangeTracker.Clear();
            copied += all.Count;
            progress(IdentityTitle, copied);
        }

        // Npgsql writes TIMESTAMPTZ from UTC values only; claim ids are regenerated (nothing refers to them).
        await CopyAsync(from.Users, u => { u.LockoutEnd = u.LockoutEnd?.ToUniversalTime(); return u; });
        await CopyAsync(from.Roles);
        await CopyAsync(from.UserRoles);
        await CopyAsync(from.UserClaims, c => { c.Id = 0; return c; });
        await CopyAsync(from.RoleClaims, c => { c.Id = 0; return c; });
        await CopyAsync(from.UserLogins);
        await CopyAsync(from.UserTokens);
        // The accounts' own tables: open invitations and reset codes still work after the move, and the sign-in history stays.
        await CopyAsync(from.AccountCodes);
        await CopyAsync(from.AccountSignIns);
    }

    private IdentityStore SourceStore() => Store(source, null);

    private IdentityStore TargetStore(NpgsqlConnection? connection) => Store(target, connection);

    private static IdentityStore Store(AgriLinkDatabase database, NpgsqlConnection? connection)
    {
        var options = new DbContextOptionsBuilder<IdentityStore>();
        if (connection is null) options.UseAgriLinkDatabase(database);
        else options.UseNpgsql(connection);
        return new IdentityStore(options.Options);
    }

    private static async Task<long> CountAsync(AgriLinkDatabase database, string table, CancellationToken ct, string? where = null)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"{(where is null ? "" : " WHERE " + where)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }
}

/// <summary>The migration will not run as asked (a non-empty target, a missing source); nothing was written.</summary>
public sealed class MigrationRefusedException(string message) : Exception(message);
