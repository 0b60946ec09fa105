using System.Text.RegularExpressions;

namespace AgriLink.Browser.Tests.Infrastructure;

/// <summary>
/// The names the code gives things (every enum member of the domain and the grains' records, every role) that a Chinese
/// page must show as words instead: "Household" on a page is a label someone forgot. A new enum member is covered by
/// being declared.
/// </summary>
public static class CodeNames
{
    private static readonly Regex Words = new(
        @"\b(" + string.Join('|', typeof(Domain.Money).Assembly.GetTypes().Concat(typeof(Grains.Orders.IOrderGrain).Assembly.GetTypes())
            .Where(t => t.IsEnum && t.IsPublic || t.IsEnum && t.IsNestedPublic)
            .SelectMany(Enum.GetNames)
            .Concat(Web.Auth.Roles.All)
            .Where(n => n.Length >= 4)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length)
            .Select(Regex.Escape)) + @")\b",
        RegexOptions.CultureInvariant);

    /// <summary>The code names found in <paramref name="text"/>, each once.</summary>
    public static IReadOnlyList<string> In(string text) => Words.Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
}
