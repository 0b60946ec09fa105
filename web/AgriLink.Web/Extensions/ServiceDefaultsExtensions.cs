using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using AgriLink.Web.Errors;
using AgriLink.Hosting.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

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

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);

        builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m
                .AddMeter("Microsoft.Orleans", AgriLink.Storage.StorageMetrics.MeterName, Grains.BusinessMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        // OTLP export only when a collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT), so nothing dials out by default.
        // Traces go only there: recording a span per request and per grain call that nobody receives costs every request.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            builder.Services.AddOpenTelemetry()
                .WithTracing(t => t
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                    .AddAspNetCoreInstrumentation())
                .UseOtlpExporter();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).WithTags("Health");
        // Scraped from the machine itself; not for the public internet, nor for a proxy on the same host forwarding it.
        app.MapPrometheusScrapingEndpoint("/metrics").AddEndpointFilter(async (context, next) =>
            ProxyExtensions.IsLocalScrape(context.HttpContext) ? await next(context) : Results.NotFound());
        return app;
    }
}
