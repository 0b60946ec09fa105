using AgriLink.Payments;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AgriLink.Web.Extensions;

public static class PipelineExtensions
{
    public static WebApplication UseAgriLinkPipeline(this WebApplication app)
    {
        app.UseAgriLinkProxy();
        // An exception on a page re-executes the status page with the status its problem would have had
        // (ProblemExceptionHandler leaves page requests to it); everyone else gets the problem response.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/status/500",
            StatusCodeSelector = e => Errors.ProblemExceptionHandler.Map(e).Status ?? StatusCodes.Status500InternalServerError,
            // A 503 (a silo gone, the database busy) is logged by ProblemExceptionHandler as a warning with the request's
            // path; the middleware's own "unhandled exception" error would log it again as a fault under the status page.
            SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService
                                               || Errors.ProblemExceptionHandler.Map(c.Exception).Status == StatusCodes.Status503ServiceUnavailable,
        });
        // People get a page in their language with a way back; the API and other clients, problem responses. The
        // re-executed page has a content type, so the outer problem writer leaves it alone: one test per request.
        app.UseStatusCodePages();
        app.UseWhen(IsPageRequest, page => page.UseStatusCodePagesWithReExecute("/status/{0}"));
        // The buyer's "pay by card" form is redirected to Stripe Checkout's hosted page, which form-action must allow.
        var formAction = app.Configuration.IsStripeConfigured()
            ? $"'self' {app.Services.GetRequiredService<IOptions<StripeOptions>>().Value.CheckoutOrigin}"
            : "'self'";
        app.Use((http, next) => SecurityHeaders(http, next, formAction));
        app.Use(RefuseUnknownCharset);
        app.UseRouting();
        app.Use(LiveExtensions.HubAccessToken);
        app.UseAuthentication();
        app.Use(Accounts.SessionCheck.Handle);
        app.Use(CrossSiteRequests.Refuse);
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>A browser asking for a page: not the API, the hub or a probe, and HTML accepted.</summary>
    /// Handling an exception, the path asked for is the feature's: the request's own is already the handling path.
    internal static bool IsPageRequest(HttpContext http)
    {
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } asked ? new PathString(asked) : http.Request.Path;
        return !path.StartsWithSegments("/api") && !path.StartsWithSegments("/hubs")
               && !path.StartsWithSegments("/health") && !path.StartsWithSegments("/openapi")
               && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A body in a charset .NET cannot decode is the client's mistake: 415, not an exception deep in model binding.</summary>
    /// Asking for the encoding of a charset .NET knows but refuses (utf-7) throws rather than answering null: refused too.
    private static Task RefuseUnknownCharset(HttpContext http, Func<Task> next)
    {
        if (MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.Charset.HasValue && !Decodable(type))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }
        return next();
    }

    private static bool Decodable(MediaTypeHeaderValue type)
    {
        // UTF-8 without asking the encoding providers: the code-pages provider takes a lock per lookup, and under a burst
        // of API requests its waiters spin and sleep.
        if (type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            return type.Encoding is not null;
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The one inline style the pages carry: MVC's validation summary holds an empty <c>&lt;li style="display:none"&gt;</c>
    /// while there is nothing to list. Allowed by its hash (of <c>display:none</c>), no other inline style is.
    /// </summary>
    private const string HiddenListItemStyle = "sha256-aqNNdDLnnrDOnTNdkJpYlAxKVJtLt9CtFLklmInuUAE=";

    private static Task SecurityHeaders(HttpContext http, Func<Task> next, string formAction)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // The API explorer runs its own inline bootstrap script; every other page is held to 'self'.
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar")
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'"
            : $"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-hashes' '{HiddenListItemStyle}'; frame-ancestors 'none'; base-uri 'self'; form-action {formAction}";
        return next();
    }
}
