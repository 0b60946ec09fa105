using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgriLink.Domain.Disclosure;

/// <summary>
/// The check code of a notice (公示内容校验码) that both the printed notice and the online board show, so whoever reads
/// a paper copy on the village wall can tell it is the plan on notice now: the same code online means the same figures.
/// It is a SHA-256 over the plan's figures — the cooperative, the year, every total and rate, and every line (shareholder,
/// paid, owed) — never over names or over when it was printed; shown as its first 64 bits in four groups (A1B2-C3D4-…).
/// A corrected line or total changes the code; printing again does not.
/// </summary>
public static class NoticeDigest
{
    /// <summary>The lines' digest (hex): each "shareholder, paid, owed" in ordinal shareholder order, whatever order they come in.</summary>
    public static string Lines(IEnumerable<(string ShareholderId, long PaidFen, long OwedFen)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (shareholder, paid, owed) in lines.OrderBy(l => l.ShareholderId, StringComparer.Ordinal))
            Append(hash, $"{shareholder}\t{paid.ToString(CultureInfo.InvariantCulture)}\t{owed.ToString(CultureInfo.InvariantCulture)}\n");
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The notice's check code from its cooperative, year, figures (totals and rates, in the board's order) and the
    /// digest of its lines (<see cref="Lines"/>).
    /// </summary>
    public static string CheckCode(string cooperativeId, int fiscalYear, IEnumerable<long> figures, string linesDigest)
    {
        ArgumentException.ThrowIfNullOrEmpty(cooperativeId);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentException.ThrowIfNullOrEmpty(linesDigest);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, $"agrilink-notice-v1\n{cooperativeId}\n{fiscalYear.ToString(CultureInfo.InvariantCulture)}\n");
        Append(hash, string.Join(',', figures.Select(f => f.ToString(CultureInfo.InvariantCulture))) + "\n" + linesDigest);
        var hex = Convert.ToHexString(hash.GetHashAndReset());
        return string.Join('-', Enumerable.Range(0, 4).Select(i => hex.Substring(i * 4, 4)));
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
