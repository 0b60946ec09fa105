using System.Collections.Frozen;

namespace AgriLink.Domain.Quantities;

/// <summary>Names and mass conversions for <see cref="Unit"/>.</summary>
public static class Units
{
    private static readonly FrozenDictionary<Unit, (string Name, long Grams)> Info = new Dictionary<Unit, (string, long)>
    {
        [Unit.Gram] = ("克", 1),
        [Unit.Jin] = ("斤", 500),
        [Unit.Kilogram] = ("公斤", 1_000),
        [Unit.Tonne] = ("吨", 1_000_000),
        [Unit.Box] = ("箱", 0),
        [Unit.Piece] = ("件", 0),
        [Unit.Bag] = ("袋", 0),
        [Unit.Bottle] = ("瓶", 0),
        [Unit.Carton] = ("盒", 0),
        [Unit.Head] = ("只", 0),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Unit> ByName = Info
        .Select(u => KeyValuePair.Create(u.Value.Name, u.Key))
        .Concat(Enum.GetValues<Unit>().Select(u => KeyValuePair.Create(u.ToString(), u)))
        .Append(KeyValuePair.Create("千克", Unit.Kilogram))
        .Append(KeyValuePair.Create("kg", Unit.Kilogram))
        .Append(KeyValuePair.Create("t", Unit.Tonne))
        .Append(KeyValuePair.Create("g", Unit.Gram))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentOutOfRangeException">The unit is not defined.</exception>
    public static string ChineseName(Unit unit) => Describe(unit).Name;

    /// <summary>Reads a unit by its Chinese name (斤, 公斤, 千克), symbol (kg, t, g) or English name, ignoring case.</summary>
    public static bool TryParse(string? text, out Unit unit)
    {
        unit = default;
        return text is not null && ByName.TryGetValue(text.Trim(), out unit);
    }

    public static bool IsMass(Unit unit) => Info.TryGetValue(unit, out var info) && info.Grams > 0;

    /// <exception cref="ArgumentException">The unit counts items rather than weighing them.</exception>
    public static long GramsPer(Unit unit)
    {
        var grams = Describe(unit).Grams;
        return grams > 0 ? grams : throw new ArgumentException($"{unit} ({ChineseName(unit)}) is not a unit of mass.", nameof(unit));
    }

    /// <summary>Units that count things (箱, 件, 袋, 瓶, 盒, 只): no one sells half a box or half a chicken.</summary>
    public static bool IsCounted(Unit unit) => Info.TryGetValue(unit, out var info) && info.Grams == 0;

    /// <summary>The decimals an amount of the unit may have: none for counted units, 3 for mass (and volume).</summary>
    public static int Decimals(Unit unit) => IsCounted(unit) ? 0 : 3;

    /// <summary>Whether <paramref name="amount"/> has no more decimals than the unit takes (an unknown unit is left to its own check).</summary>
    public static bool Fits(decimal amount, Unit unit) => decimal.Round(amount, Decimals(unit)) == amount;

    private static (string Name, long Grams) Describe(Unit unit) =>
        Info.TryGetValue(unit, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit.");
}
