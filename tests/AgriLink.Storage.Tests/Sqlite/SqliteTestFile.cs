using Microsoft.Data.Sqlite;

namespace AgriLink.Storage.Tests.Sqlite;

/// <summary>A database file in its own temporary folder (not yet created, so the factory has to make it).</summary>
internal sealed class SqliteTestFile
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"agrilink-storage-{Guid.NewGuid():N}");

    public string Path => System.IO.Path.Combine(_folder, "data", "agrilink.db");

    public AgriLinkDatabase Open() => AgriLinkDatabase.Sqlite(Path);

    /// <summary>Closes pooled connections, so the next open really reads the file again.</summary>
    public AgriLinkDatabase Reopen(AgriLinkDatabase current)
    {
        using (var connection = new SqliteConnection(current.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return AgriLinkDatabase.Sqlite(Path);
    }

    public void Delete(AgriLinkDatabase? current)
    {
        if (current is not null)
        {
            using var connection = new SqliteConnection(current.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
