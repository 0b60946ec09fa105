using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Serialization;

namespace AgriLink.Web.Errors;

/// <summary>
/// Whether an exception (or one it wraps, however deep: the storage bridge's OrleansException, Entity Framework's
/// DbUpdateException, an aggregate) says the database could not be had for the moment: SQLite busy, locked, read-only
/// or unopenable; PostgreSQL unreachable, shutting down, out of connections, read-only or out of lock time. Such a write
/// changed nothing (its transaction never committed), so the answer is 503 with Retry-After, not a 500.
/// </summary>
public static class StorageUnavailable
{
    /// <summary>Seconds a client should wait before retrying (Retry-After).</summary>
    public const int RetryAfterSeconds = 5;

    // SQLITE_BUSY 5, SQLITE_LOCKED 6, SQLITE_READONLY 8, SQLITE_IOERR 10, SQLITE_FULL 13, SQLITE_CANTOPEN 14.
    private static readonly int[] SqliteCodes = [5, 6, 8, 10, 13, 14];

    public static bool Is(Exception? exception, int depth = 0)
    {
        if (exception is null || depth > 16) return false;
        switch (exception)
        {
            case SqliteException s when SqliteCodes.Contains(s.SqliteErrorCode):
                return true;
            case PostgresException p:
                // 08 connection, 53 insufficient resources, 57P0x shutdown/cannot connect, 25006 read-only transaction, 55P03 lock not available.
                return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                       || p.SqlState.StartsWith("57P0", StringComparison.Ordinal) || p.SqlState is "25006" or "55P03";
            case NpgsqlException:
                // Not a server's answer: the connection could not be made or was lost, or the command timed out.
                return true;
            case UnavailableExceptionFallbackException fallback:
                // An exception Orleans could not bring across as its own type keeps its type name and message.
                return fallback.ExceptionType is { } type
                       && (type.Contains("SqliteException", StringComparison.Ordinal) && SqliteMessage(fallback.Message)
                           || type.Contains("NpgsqlException", StringComparison.Ordinal));
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Any(e => Is(e, depth + 1));
        }
        return Is(exception.InnerException, depth + 1);
    }

    private static bool SqliteMessage(string message) =>
        SqliteCodes.Any(code => message.Contains($"SQLite Error {code}:", StringComparison.Ordinal));
}
