using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Matching;
using AgriLink.Domain.Quantities;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace AgriLink.Web.Localization;

/// <summary>
/// Match explanations (component and exclusion codes with their arguments) in the page's language. Chinese pages show
/// the domain's zh-CN explanation as it is; other languages word the code's template as the shared resource translates
/// it (keyed, like every page text, by the Chinese template), with units and categories translated and place names left
/// in Chinese and marked so.
/// </summary>
public static class MatchTexts
{
    /// <summary>As the pages encode (every script left as it is, see ApiExtensions' WebEncoderOptions).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Explain(string code, IReadOnlyList<MatchArgument>? arguments, string explanation, IStringLocalizer t)
    {
        if (IsChinese) return new HtmlString(Encode(explanation));
        // From a caller older than arguments, or a code this version does not know: the Chinese words, marked as such.
        if (arguments is null || !MatchExplanations.Templates.ContainsKey(code)) return new HtmlString(InChinese(explanation));
        return new HtmlString(Localized(code, arguments, t, Encode, a => a.Kind == MatchArgumentKind.Place ? InChinese(a.Value) : Encode(Word(a, t))));
    }

    private static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    private static string Localized(string code, IReadOnlyList<MatchArgument> arguments, IStringLocalizer t,
        Func<string, string> literal, Func<MatchArgument, string> value) =>
        MatchExplanations.Format(code, arguments, key => t[MatchExplanations.Templates[key]].Value, value, literal);

    private static string Word(MatchArgument a, IStringLocalizer t) => a.Kind switch
    {
        MatchArgumentKind.Unit => t[Labels.Of(Enum.Parse<Unit>(a.Value))].Value,
        MatchArgumentKind.Category => t[Labels.Of(Enum.Parse<ProduceCategory>(a.Value))].Value,
        _ => a.Value,
    };

    private static string InChinese(string text) => $"<span lang=\"zh-CN\">{Encode(text)}</span>";

    private static string Encode(string text) => Encoder.Encode(text);
}
