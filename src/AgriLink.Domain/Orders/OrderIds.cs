using System.Security.Cryptography;
using System.Text;
using AgriLink.Domain.Identifiers;

namespace AgriLink.Domain.Orders;

/// <summary>
/// Order ids: random for a plain request, or derived from the buyer and the client's <c>Idempotency-Key</c>, so a
/// retried request lands on the same order grain and places nothing twice.
/// </summary>
public static class OrderIds
{
    public const string Prefix = "ord";
    public const int MaxKeyLength = 100;

    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New() => Ids.New(Prefix);

    public static bool IsValid(string? id) => Ids.IsValid(id, Prefix);

    /// <summary>A key is 1–100 visible ASCII characters (a UUID is typical).</summary>
    public static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxKeyLength && key.All(c => c is >= '!' and <= '~');

    /// <summary>80 bits of SHA-256 over buyer and key, in the same alphabet as generated ids (16 characters).</summary>
    public static string FromIdempotencyKey(string buyerId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{buyerId}\n{key}"));
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            // 16 × 5 bits = 80 bits from the first 10 bytes.
            var bit = i * 5;
            var word = (hash[bit / 8] << 8) | hash[bit / 8 + 1];
            chars[i] = Crockford[(word >> (11 - bit % 8)) & 31];
        }
        return $"{Prefix}-{new string(chars)}";
    }
}
