using System.Globalization;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>
/// The cart lives in a cookie of this browser (listing ids and quantities, nothing else), so it needs no script and no
/// server session; checkout sends it to <c>OrdersApi.Place</c>, which checks every line as it would from any client.
/// </summary>
public static class ShoppingCart
{
    public const string CookieName = "agrilink-cart";
    public const int MaxLines = 30;

    public static List<(string ListingId, decimal Quantity)> Read(HttpRequest request)
    {
        var lines = new List<(string, decimal)>();
        var raw = request.Cookies[CookieName];
        if (string.IsNullOrEmpty(raw)) return lines;
        foreach (var part in raw.Split('|', StringSplitOptions.RemoveEmptyEntries).Take(MaxLines))
        {
            var colon = part.LastIndexOf(':');
            if (colon > 0 && decimal.TryParse(part[(colon + 1)..], NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity) && quantity > 0)
                lines.Add((part[..colon], quantity));
        }
        return lines;
    }

    public static void Write(HttpResponse response, IEnumerable<(string ListingId, decimal Quantity)> lines)
    {
        var value = string.Join('|', lines.Take(MaxLines).Select(l => $"{l.ListingId}:{l.Quantity.ToString(CultureInfo.InvariantCulture)}"));
        if (value.Length == 0)
            response.Cookies.Delete(CookieName);
        else
            response.Cookies.Append(CookieName, value, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
    }
}
