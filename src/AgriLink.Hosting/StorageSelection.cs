using AgriLink.Storage;
using Microsoft.Extensions.Configuration;

namespace AgriLink.Hosting;

/// <summary>
/// The one place that turns configuration into the AgriLink database, for the web host and silo/AgriLink.Silo alike:
/// <c>Storage:Provider</c> = <c>Sqlite</c> (default, the data folder's file) or <c>PostgreSQL</c> with the Npgsql
/// connection string <c>ConnectionStrings:AgriLink</c>.
/// </summary>
public static class StorageSelection
{
    public const string ProviderKey = "Storage:Provider";

    /// <summary>The name under <c>ConnectionStrings</c>, e.g. <c>ConnectionStrings__AgriLink</c> in the environment.</summary>
    public const string ConnectionStringName = "AgriLink";

    /// <summary>
    /// PostgreSQL's password when the connection string has none: <c>Storage:Password</c>, or the file
    /// <c>Storage:PasswordFile</c> names (the same secret file PostgreSQL's image reads as <c>POSTGRES_PASSWORD_FILE</c>).
    /// </summary>
    public const string PasswordKey = "Storage:Password";

    public static StorageProvider StorageProvider(this IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value)) return Hosting.StorageProvider.Sqlite;
        return Enum.TryParse<StorageProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey} is '{value}': use Sqlite or PostgreSQL.");
    }

    /// <summary>The database the configuration names; for SQLite, the file in <paramref name="data"/> (resolved when not given).</summary>
    public static AgriLinkDatabase AgriLinkDatabase(this IConfiguration configuration, DataFolder? data = null) =>
        configuration.StorageProvider() switch
        {
            Hosting.StorageProvider.PostgreSQL => Storage.AgriLinkDatabase.Postgres(
                configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
                    ? WithPassword(connectionString, configuration.Secret(PasswordKey))
                    : throw new InvalidOperationException(
                        $"{ProviderKey}=PostgreSQL needs ConnectionStrings:{ConnectionStringName}, an Npgsql connection string " +
                        $"(e.g. Host=127.0.0.1;Port=5432;Database=agrilink;Username=agrilink), its password in it or in {PasswordKey}{SecretSettings.FileSuffix}.")),
            _ => Storage.AgriLinkDatabase.Sqlite((data ?? DataFolder.Resolve(configuration)).DatabaseFile),
        };

    private static string WithPassword(string connectionString, string? password)
    {
        if (password is null) return connectionString;
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password)) return connectionString;   // the connection string's own wins
        builder.Password = password;
        return builder.ConnectionString;
    }
}
