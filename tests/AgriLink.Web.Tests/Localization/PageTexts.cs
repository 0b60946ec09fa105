using System.Globalization;
using AgriLink.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Tests.Localization;

/// <summary>The pages' own localizer over the shared resource, read in a chosen culture.</summary>
public static class PageTexts
{
    public static readonly IStringLocalizer T =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));

    /// <summary>What <paramref name="read"/> gives with the UI culture set to <paramref name="culture"/> (restored after).</summary>
    public static TResult InCulture<TResult>(string culture, Func<TResult> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
