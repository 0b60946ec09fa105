using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace AgriLink.Hosting;

/// <summary>
/// Before anything opens the data folder (issue 16, item 9): a folder the process cannot write, or an embedded database
/// another process holds locked, ends the start with one clear message naming the data folder and a non-zero exit code,
/// instead of an unhandled exception from whichever component touched it first.
/// </summary>
public static class DataFolderCheck
{
    /// <summary>The exit code of a start refused for its data folder (sysexits' EX_CANTCREAT).</summary>
    public const int ExitCode = 73;

    /// <summary>How long the start waits for another process's lock on the database before it gives up.</summary>
    public static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(5);

    /// <summary>Null when the data folder (and, for SQLite, its database) can be written; otherwise what to tell the person starting it.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        DataFolder data;
        try
        {
            data = DataFolder.Resolve(configuration);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var chosen = configuration["data"] ?? configuration[DataFolder.EnvironmentVariable] ?? "(the default data folder)";
            return $"AgriLink cannot start: the data folder {chosen} cannot be created ({e.Message}). {Advice}";
        }

        if (Unwritable(data.Path) is { } reason)
            return $"AgriLink cannot start: the data folder {data.Path} is not writable ({reason}). {Advice}";
        if (configuration.StorageProvider() != StorageProvider.Sqlite || !File.Exists(data.DatabaseFile)) return null;
        return LockedOrReadOnly(data.DatabaseFile) is { } problem
            ? $"AgriLink cannot start: the database {data.DatabaseFile} in the data folder {data.Path} {problem}"
            : null;
    }

    private const string Advice =
        "Make it writable for this user, or choose another folder with --data DIR or the AGRILINK_DATA environment variable.";

    private static string? Unwritable(string folder)
    {
        var probe = Path.Combine(folder, $".write-check-{Environment.ProcessId}");
        try
        {
            using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                stream.WriteByte(1);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    /// <summary>Takes and gives back the database's write lock (nothing is written); says why it could not.</summary>
    private static string? LockedOrReadOnly(string file)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = (int)LockPatience.TotalSeconds,
        };
        try
        {
            using var connection = new SqliteConnection(builder.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            command.ExecuteNonQuery();
            return null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            return $"is locked by another process (still after {LockPatience.TotalSeconds:0} s). Is another AgriLink running on this data folder? " +
                   "Stop it, or start this one with another folder (--data DIR).";
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 8 or 14 or 23) // SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_AUTH
        {
            return $"cannot be opened for writing ({e.Message}). {Advice}";
        }
    }
}
