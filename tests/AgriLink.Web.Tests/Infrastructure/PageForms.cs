using System.Text.RegularExpressions;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>Reading the server-rendered forms of the pages: their antiforgery token.</summary>
public static partial class PageForms
{
    [GeneratedRegex("""<input name="__RequestVerificationToken" type="hidden" value="(?<token>[^"]+)" />""")]
    public static partial Regex TokenField();

    /// <summary>The first form's antiforgery token in the page.</summary>
    public static string Token(string html) => TokenField().Match(html).Groups["token"].Value;
}
