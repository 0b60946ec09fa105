using System.Security.Cryptography;
using System.Text;

namespace AgriLink.Web.Accounts;

/// <summary>
/// One-time codes people can type from a paper slip: 20 characters of an alphabet without look-alikes (0/O, 1/I/L), in
/// groups of four, 100 bits of randomness, so a SHA-256 of the code is as good as a salted hash and finds it by index.
/// </summary>
public static class AccountCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 20;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        var code = new string(chars);
        return string.Join('-', Enumerable.Range(0, Length / 4).Select(g => code.Substring(g * 4, 4)));
    }

    /// <summary>The code as typed, without spaces or dashes, upper case: what is hashed.</summary>
    public static string Normalize(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(Normalize(code))));

    /// <summary>A random id for the code's row: names it in lists and the audit log, and cannot be used in its place.</summary>
    public static string NewId() => "ac-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
}
