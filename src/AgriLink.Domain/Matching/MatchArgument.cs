using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Matching;

/// <summary>What kind of value a <see cref="MatchArgument"/> holds, so each language can word it.</summary>
[GenerateSerializer, Alias("AgriLink.MatchArgumentKind")]
public enum MatchArgumentKind
{
    /// <summary>The same in every language: a number, a percentage, a date (yyyy-MM-dd), an amount of money (¥1,234.00).</summary>
    Text = 0,
    /// <summary>A place's (Chinese) name, shown as it is.</summary>
    Place = 1,
    /// <summary>A <see cref="Quantities.Unit"/> by its name (<c>Jin</c>).</summary>
    Unit = 2,
    /// <summary>A <see cref="ProduceCategory"/> by its name (<c>Tea</c>).</summary>
    Category = 3,
    /// <summary>Another template of <see cref="MatchExplanations"/> by its key, worded with the same arguments; empty for nothing.</summary>
    Phrase = 4,
}

/// <summary>One figure or name a match explanation is built from: the template's placeholder <see cref="Name"/>, its kind and value.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.MatchArgument")]
public sealed record MatchArgument(
    [property: Id(0)] string Name,
    [property: Id(1)] MatchArgumentKind Kind,
    [property: Id(2)] string Value)
{
    public static MatchArgument Text(string name, string value) => new(name, MatchArgumentKind.Text, value);

    public static MatchArgument Place(string name, string value) => new(name, MatchArgumentKind.Place, value);

    public static MatchArgument UnitOf(string name, Unit unit) => new(name, MatchArgumentKind.Unit, unit.ToString());

    public static MatchArgument CategoryOf(string name, ProduceCategory category) => new(name, MatchArgumentKind.Category, category.ToString());

    /// <summary>A phrase by its template key; <c>""</c> puts nothing in its place.</summary>
    public static MatchArgument Phrase(string name, string key) => new(name, MatchArgumentKind.Phrase, key);
}
