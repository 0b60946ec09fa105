using System.Security.Cryptography;

namespace AgriLink.Domain.Identifiers;

/// <summary>
/// Entity ids that say what they name ("coop-7k2m9x4q1z"). Ten Crockford base32 characters carry 50
/// random bits, and the alphabet has no i, l, o or u, so an id read aloud or copied by hand survives.
/// </summary>
public static class Ids
{
    public const string Cooperative = "coop";
    public const string Enterprise = "ent";
    public const string Household = "hh";
    public const string VillageCollective = "vc";
    public const string Buyer = "buyer";
    public const string Listing = "lst";
    public const string OfftakeContract = "off";

    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int RandomLength = 10;

    /// <exception cref="ArgumentException">The prefix is not lowercase ASCII letters.</exception>
    public static string New(string prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix.AsSpan().ContainsAnyExceptInRange('a', 'z'))
            throw new ArgumentException($"Id prefix '{prefix}' must be lowercase ASCII letters.", nameof(prefix));
        return $"{prefix}-{RandomNumberGenerator.GetString(Crockford, RandomLength)}";
    }

    /// <summary>
    /// An id that sorts by the time it was made ("asm-20261207154200x7k2": the time to the second, then four random
    /// characters), for lists that page newest first by id.
    /// </summary>
    public static string NewOrdered(string prefix, DateTimeOffset at)
    {
        var random = New(prefix)[(prefix.Length + 1)..][..4];
        return $"{prefix}-{at.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)}{random}";
    }

    /// <summary>
    /// True for ids from <see cref="New"/> and for hand-written seed ids (prefix, dash, 2–32 lowercase
    /// letters or digits), which the generated shape is a special case of.
    /// </summary>
    public static bool IsValid(string? id, string prefix)
    {
        if (id is null || string.IsNullOrEmpty(prefix)) return false;
        if (!id.StartsWith(prefix, StringComparison.Ordinal) || id.Length <= prefix.Length || id[prefix.Length] != '-') return false;
        var rest = id.AsSpan(prefix.Length + 1);
        return rest.Length is >= 2 and <= 32 && !rest.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789");
    }
}
