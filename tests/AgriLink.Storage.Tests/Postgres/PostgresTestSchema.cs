using Npgsql;

namespace AgriLink.Storage.Tests.Postgres;

/// <summary>
/// A schema of its own in the test run's PostgreSQL database (<see cref="PostgresServer"/>), so tests running side by
/// side never see each other's rows. Cheaper than a database per test, and the dialect's DDL lands in it through the
/// connection's search path.
/// </summary>
internal sealed class PostgresTestSchema
{
    public string Name { get; } = $"t_{Guid.NewGuid():N}";

    public AgriLinkDatabase Open()
    {
        using (var admin = new NpgsqlConnection(PostgresServer.ConnectionString))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {Name}", admin);
            create.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { SearchPath = Name };
        return AgriLinkDatabase.Postgres(builder.ConnectionString);
    }

    /// <summary>Closes pooled connections, so the next open really starts a new session.</summary>
    public static AgriLinkDatabase Reopen(AgriLinkDatabase current)
    {
        using (var connection = new NpgsqlConnection(current.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        return AgriLinkDatabase.Postgres(current.ConnectionString);
    }

    public async ValueTask DropAsync(AgriLinkDatabase? current)
    {
        if (current is not null)
        {
            await using var pooled = new NpgsqlConnection(current.ConnectionString);
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
