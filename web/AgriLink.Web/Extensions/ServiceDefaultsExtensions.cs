using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using AgriLink.Hosting;
using AgriLink.Web.Errors;
using Microsoft.AspNetCore.Http.Json;

namespace AgriLink.Web.Extensions;

public static class ServiceDefaultsExtensions
{
    /// <summary>Problem responses, JSON conventions, health checks and OpenTelemetry.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bad JSON and wrong types throw, so the exception handler can say what was wrong as a problem response.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // The same conventions as the audit entries grains write (enums by name, Chinese as itself).
        builder.Services.Configure<JsonOptions>(o => Grains.Audit.AuditJson.Configure(o.SerializerOptions));

        builder.AddAgriLinkObservability();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Scraped from the machine itself; not for the public internet, nor for a proxy on the same host forwarding it.
        app.MapAgriLinkHealth(ProxyExtensions.IsLocalScrape);
        return app;
    }
}
