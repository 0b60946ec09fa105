using Microsoft.Extensions.Configuration;

namespace AgriLink.Hosting;

/// <summary>
/// A secret setting (a password) given either as itself (<c>Storage:Password</c>) or, as container secrets are, by the
/// path of a file that holds it (<c>Storage:PasswordFile</c>, e.g. <c>/run/secrets/db_password</c>): the file's text
/// with its trailing line break removed. The value wins over the file when both are set.
/// </summary>
public static class SecretSettings
{
    /// <summary>Suffix of the key that names the secret's file.</summary>
    public const string FileSuffix = "File";

    public static string? Secret(this IConfiguration configuration, string key)
    {
        if (configuration[key] is { Length: > 0 } value) return value;
        if (configuration[key + FileSuffix] is not { Length: > 0 } path) return null;
        try
        {
            var text = File.ReadAllText(path).TrimEnd('\r', '\n');
            return text.Length > 0
                ? text
                : throw new InvalidOperationException($"{key}{FileSuffix} names '{path}', which is empty: write the secret into it.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{key}{FileSuffix} names '{path}', which cannot be read: {e.Message}", e);
        }
    }
}
