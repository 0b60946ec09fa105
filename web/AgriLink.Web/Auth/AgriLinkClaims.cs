namespace AgriLink.Web.Auth;

/// <summary>Claims that tie an account to the one object it acts for; authorization checks them per request.</summary>
public static class AgriLinkClaims
{
    public const string Cooperative = "agrilink:cooperative";
    public const string Enterprise = "agrilink:enterprise";
    public const string Household = "agrilink:household";
    public const string Buyer = "agrilink:buyer";
    public const string DisplayName = "agrilink:name";
}
