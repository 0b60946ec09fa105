using Npgsql;
using Xunit;

namespace AgriLink.Cluster.Tests.Infrastructure;

/// <summary>
/// The Redis and PostgreSQL that tests/run.sh starts (AGRILINK_TEST_REDIS, AGRILINK_TEST_POSTGRES). Missing ones fail
/// the test with the reason: cluster mode is not tested without them.
/// </summary>
public static class TestServices
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Redis => Environment.GetEnvironmentVariable("AGRILINK_TEST_REDIS") is { Length: > 0 } redis
        ? redis
        : throw new InvalidOperationException("AGRILINK_TEST_REDIS is not set: run the tests through tests/run.sh, which starts Redis (or export 127.0.0.1:PORT of a Redis of your own).");

    private static string Postgres => Environment.GetEnvironmentVariable("AGRILINK_TEST_POSTGRES") is { Length: > 0 } postgres
        ? postgres
        : throw new InvalidOperationException("AGRILINK_TEST_POSTGRES is not set: run the tests through tests/run.sh, which starts PostgreSQL 15 (or export an Npgsql connection string of a superuser).");

    /// <summary>A new, empty database of its own for one cluster; returns its connection string.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        // AGRILINK_TEST_DATABASE_PREFIX: a developer on a shared PostgreSQL server names the databases a run leaves behind.
        var prefix = Environment.GetEnvironmentVariable("AGRILINK_TEST_DATABASE_PREFIX") is { Length: > 0 } own ? own : "agrilink_cluster_";
        var name = $"{prefix}{Guid.NewGuid():N}";
        await using (var server = new NpgsqlConnection(Postgres))
        {
            await server.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", server);
            await create.ExecuteNonQueryAsync(Ct);
        }
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }
}
