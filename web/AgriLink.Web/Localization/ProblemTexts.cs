using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace AgriLink.Web.Localization;

/// <summary>
/// A field message from the API (English, e.g. "must be between 1 and 10000.") in the page's language. The resx holds
/// each message as a template whose numbers, amounts, dates and quoted ids are numbered placeholders
/// ("must be between {0} and {1}." → "须在 {0} 至 {1} 之间。"), so a message keeps its figures in every language.
/// A message with no translation is shown as the API gave it.
/// </summary>
public static partial class ProblemTexts
{
    // A quoted id ('h-pz-0001'), an amount (¥1,234.50), a date (2024-05-01) or a number (3, 0.5, 10000).
    [GeneratedRegex(@"'[^']*'|¥-?\d[\d,]*(?:\.\d+)?|\d{4}-\d{2}-\d{2}|-?\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Values();

    /// <summary>
    /// The domain quotes the kind of member it means by its code name ('Household'); a page says the word (农户, or its
    /// translation). Any other value, an id or a figure, is kept as given.
    /// </summary>
    private static string Word(IStringLocalizer t, string value) =>
        value.Length > 2 && value[0] == '\'' && KindWords.TryGetValue(value[1..^1], out var chinese) ? t[chinese].Value : value;

    private static readonly Dictionary<string, string> KindWords = Enum.GetValues<Domain.Cooperatives.MemberKind>()
        .Select(k => (Name: k.ToString(), Word: Labels.Of(k)))
        .Concat(Enum.GetValues<Domain.Shares.ShareholderKind>().Select(k => (Name: k.ToString(), Word: Labels.Of(k))))
        .DistinctBy(k => k.Name)
        .ToDictionary(k => k.Name, k => k.Word, StringComparer.Ordinal);

    /// <summary>The message's key: each value in it numbered in order ("must be between {0} and {1}.").</summary>
    public static string Template(string message)
    {
        var i = 0;
        return Values().Replace(message, _ => "{" + (i++).ToString(CultureInfo.InvariantCulture) + "}");
    }

    /// <summary>
    /// The message in the localizer's culture: by its own entry when it has one (a wording for that case, e.g. a price in
    /// fen shown in yuan), else by its template; as given when there is neither.
    /// </summary>
    public static string Translate(IStringLocalizer t, string message)
    {
        if (t[message] is { ResourceNotFound: false } exact) return exact.Value;
        var template = t[Template(message)];
        if (template.ResourceNotFound) return message;
        var values = Values().Matches(message).Select(m => (object)Word(t, m.Value)).ToArray();
        try
        {
            return string.Format(CultureInfo.InvariantCulture, template.Value, values);
        }
        catch (FormatException)
        {
            // A translation numbering more values than the message has (the coverage test holds them equal): the API's words.
            return message;
        }
    }
}
