namespace AgriLink.Web.Photos;

/// <summary>
/// Keys are slash-separated segments of lower-case letters, digits, '-', '_' and '.', never "." or "..": safe as file paths
/// under the store's folder and as S3 keys alike.
/// </summary>
public static class ObjectKeys
{
    public const int MaxLength = 200;

    public static string Checked(string key)
    {
        if (!IsWellFormed(key)) throw new ArgumentException($"'{key}' is not a well-formed object key.", nameof(key));
        return key;
    }

    public static bool IsWellFormed(string? key) =>
        key is { Length: > 0 and <= MaxLength }
        && key.Split('/').All(segment => segment.Length > 0 && segment is not ("." or "..")
            && segment.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'));
}
