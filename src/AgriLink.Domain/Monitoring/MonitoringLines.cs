using System.Collections.Frozen;
using System.Globalization;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Monitoring;

/// <summary>
/// The monitoring line (防返贫监测范围): annual per-capita net income per person, by year and by province (a 2-digit
/// GB/T 2260 prefix; the empty prefix is the national guidance). The figures come from configuration, one table
/// (<c>Monitoring:Lines:{prefix or "national"}:{year}</c> in yuan); the only one built in is the national guidance's first
/// line, ¥6,000 for 2021, which provinces raise each year. A year without its own figure takes the latest earlier one of
/// the same province (or the national one), and says which it took.
/// </summary>
public sealed class MonitoringLines
{
    public const string National = "";

    /// <summary>The national guidance of 2021: ¥6,000 per person per year.</summary>
    public static readonly IReadOnlyDictionary<(string Prefix, int Year), Money> Known =
        new Dictionary<(string, int), Money> { [(National, 2021)] = Money.FromYuan(6000) };

    private readonly FrozenDictionary<string, SortedList<int, Money>> _lines;

    private MonitoringLines(IEnumerable<KeyValuePair<(string Prefix, int Year), Money>> lines) =>
        _lines = lines.GroupBy(l => l.Key.Prefix, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => new SortedList<int, Money>(g.ToDictionary(l => l.Key.Year, l => l.Value)), StringComparer.Ordinal);

    public static MonitoringLines Default { get; } = new(Known);

    /// <summary>
    /// The built-in table with <paramref name="configured"/> (prefix, or <c>national</c>, → year → yuan) added or replacing.
    /// </summary>
    /// <exception cref="ValidationFailedException">A prefix that is not 2 digits, a year outside 2021..2100, or a line that is not positive.</exception>
    public static MonitoringLines With(IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>? configured)
    {
        var lines = new Dictionary<(string, int), Money>(Known);
        var v = new Validator();
        foreach (var (key, years) in configured ?? new Dictionary<string, IReadOnlyDictionary<string, decimal>>())
        {
            var prefix = key.Equals("national", StringComparison.OrdinalIgnoreCase) ? National : key;
            v.Check(prefix.Length == 0 || (prefix.Length == 2 && prefix.All(char.IsAsciiDigit)), $"monitoring:lines:{key}",
                "must be keyed by national or a 2-digit province code.");
            foreach (var (yearText, yuan) in years)
            {
                var field = $"monitoring:lines:{key}:{yearText}";
                var year = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0;
                v.Range(field, year, 2021, 2100)
                 .Check(yuan > 0 && decimal.Round(yuan, 2) == yuan, field, "must be a positive amount of yuan in whole fen.");
                if (year > 0 && yuan > 0 && decimal.Round(yuan, 2) == yuan) lines[(prefix, year)] = Money.FromYuan(yuan);
            }
        }
        v.ThrowIfInvalid();
        return new(lines);
    }

    /// <summary>
    /// The line for a household of <paramref name="regionCode"/> (6 or more digits) in <paramref name="year"/>: its
    /// province's latest figure of that year or before, else the national one; null before any figure.
    /// </summary>
    public MonitoringLine? For(string regionCode, int year)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        foreach (var prefix in regionCode.Length >= 2 ? [regionCode[..2], National] : new[] { National })
        {
            if (!_lines.TryGetValue(prefix, out var years)) continue;
            for (var i = years.Count - 1; i >= 0; i--)
                if (years.Keys[i] <= year) return new MonitoringLine(prefix, years.Keys[i], years.Values[i]);
        }
        return null;
    }
}

/// <summary>A line as applied: whose (province prefix, or empty for the national guidance), of which year, per person.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.MonitoringLine")]
public sealed record MonitoringLine([property: Id(0)] string Prefix, [property: Id(1)] int Year, [property: Id(2)] Money PerPerson);
