using AgriLink.Storage.Tests.Postgres;
using Npgsql;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>
/// A new, empty database of its own on the test run's PostgreSQL server, dropped on dispose (with its sessions), so
/// apps on PostgreSQL in parallel tests never share rows.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(string name, string connectionString) => (Name, ConnectionString) = (name, connectionString);

    public string Name { get; }

    /// <summary>The Npgsql connection string for <c>ConnectionStrings:AgriLink</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The settings that put an app on this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "PostgreSQL",
        ["ConnectionStrings:AgriLink"] = ConnectionString,
    };

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var name = $"agrilink_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresServer.ConnectionString))
        {
            await admin.OpenAsync(Api.Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(Api.Ct);
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = name };
        return new PostgresDatabase(name, builder.ConnectionString);
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(Api.Ct);
        await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
        return (long)(await count.ExecuteScalarAsync(Api.Ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
