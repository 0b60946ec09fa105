namespace AgriLink.Web.Auth;

/// <summary>Claims that tie an account to the one object it acts for; authorization checks them per request.</summary>
public static class AgriLinkClaims
{
    public const string Cooperative = "agrilink:cooperative";
    public const string Enterprise = "agrilink:enterprise";
    public const string Household = "agrilink:household";
    public const string Buyer = "agrilink:buyer";
    /// <summary>The GB/T 2260 code of the county a county officer acts for.</summary>
    public const string County = "agrilink:county";
    /// <summary>
    /// An area a township officer or village cadre acts for: its 统计用区划代码, 9 digits a township, 12 a village (one claim
    /// per area; a first secretary may hold several villages). Matched by prefix against a household's village code.
    /// </summary>
    public const string Area = "agrilink:area";
    public const string DisplayName = "agrilink:name";
    /// <summary>A demo account (published password, for trying): exempt from the two-factor requirement, removed before real use.</summary>
    public const string Demo = "agrilink:demo";
    /// <summary>Identity's "authentication method" claim; <see cref="MultiFactor"/> when the session was signed in with a second factor.</summary>
    public const string AuthenticationMethod = "amr";
    public const string MultiFactor = "mfa";
}
