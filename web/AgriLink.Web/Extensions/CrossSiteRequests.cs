using Microsoft.AspNetCore.Antiforgery;

namespace AgriLink.Web.Extensions;

/// <summary>
/// The API's own CSRF check. A browser sends the sign-in cookie with any request, another site's included, and the API
/// reads bodies of any content type (a <c>text/plain</c> form post needs no preflight). So an unsafe request
/// (POST, PUT, PATCH, DELETE) under <c>/api</c> that is signed in with the cookie is refused (403 problem) when the browser
/// says it comes from elsewhere: <c>Sec-Fetch-Site</c> other than <c>same-origin</c> or <c>none</c>, or an <c>Origin</c>
/// other than this site's, unless it carries a valid antiforgery header (<c>RequestVerificationToken</c>). Bearer-token
/// requests carry no ambient credential and are unaffected, and so are requests without the cookie.
/// </summary>
public static class CrossSiteRequests
{
    public const string CookieName = "agrilink";

    public static async Task Refuse(HttpContext http, Func<Task> next)
    {
        if (!IsUnsafeCookieApiCall(http) || IsSameSite(http) || await HasAntiforgeryHeader(http))
        {
            await next();
            return;
        }
        await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
            detail: "A request signed in with the cookie must come from this site's own pages (or use a bearer token).")
            .ExecuteAsync(http);
    }

    private static bool IsUnsafeCookieApiCall(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
             || HttpMethods.IsTrace(http.Request.Method))
        && http.Request.Headers.Authorization.Count == 0
        && http.Request.Cookies.ContainsKey(CookieName);

    /// <summary>What the browser says of where the request comes from; a request saying nothing is not a browser's cross-site one.</summary>
    private static bool IsSameSite(HttpContext http)
    {
        var site = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) && !site.Equals("none", StringComparison.OrdinalIgnoreCase))
            return false;
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        var own = $"{http.Request.Scheme}://{http.Request.Host.Value}";
        return origin.Equals(own, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> HasAntiforgeryHeader(HttpContext http)
    {
        if (!http.Request.Headers.ContainsKey("RequestVerificationToken")) return false;
        return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
    }
}
