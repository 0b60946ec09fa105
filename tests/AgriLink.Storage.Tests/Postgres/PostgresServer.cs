namespace AgriLink.Storage.Tests.Postgres;

/// <summary>The PostgreSQL server of the test run: tests/run.sh starts one and names it in the environment.</summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "AGRILINK_TEST_POSTGRES";

    /// <summary>
    /// The connection string of a role that may create schemas. Missing is a failure, never a skip: a run without
    /// PostgreSQL would otherwise report green while testing only half of the engines.
    /// </summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL tests cannot run. Run the tests through tests/run.sh, which " +
                "starts a PostgreSQL 15 server of its own, or set it to an Npgsql connection string of a role allowed to create schemas " +
                "(e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=agrilink_test).");
}
