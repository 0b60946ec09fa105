using System.Globalization;

namespace AgriLink.Grains.Dividends;

/// <summary>The key of per-cooperative, per-fiscal-year grains: <c>coop-pzcili:2025</c>.</summary>
public readonly record struct CooperativeYear(string CooperativeId, int FiscalYear)
{
    public override string ToString() => $"{CooperativeId}:{FiscalYear.ToString(CultureInfo.InvariantCulture)}";

    public static CooperativeYear Parse(string key)
    {
        var colon = key.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(key.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            throw new FormatException($"'{key}' is not a cooperative-year key (coop-id:year).");
        return new CooperativeYear(key[..colon], year);
    }
}
