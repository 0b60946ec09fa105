using System.Globalization;
using Microsoft.Extensions.Localization;

namespace AgriLink.Web.Localization;

public static class CultureText
{
    /// <summary>
    /// The localizer's wording of <paramref name="chinese"/> (the resx are keyed by the Chinese) in <paramref name="culture"/>,
    /// for output whose language the request names (an export's <c>lang</c>) rather than the page's culture.
    /// </summary>
    public static string In(this IStringLocalizer t, string chinese, string culture)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return t[chinese].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
