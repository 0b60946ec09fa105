using AgriLink.Hosting.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AgriLink.Hosting;

/// <summary>
/// What every AgriLink process reports, the same for the web node and the standalone silo: health checks (the database
/// answers; the silo serves), OpenTelemetry metrics (Orleans', the storage engine's, the platform's own, ASP.NET Core's and
/// the runtime's) on a Prometheus <c>/metrics</c> for the machine itself, and traces to an OTLP collector when one is
/// configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
/// </summary>
public static class Observability
{
    public static IHostApplicationBuilder AddAgriLinkObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m
                .AddMeter("Microsoft.Orleans", Storage.StorageMetrics.MeterName, Grains.BusinessMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        // OTLP export only when a collector is configured, so nothing dials out by default. Traces go only there: recording
        // a span per request and per grain call that nobody receives costs every request.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            builder.Services.AddOpenTelemetry()
                .WithTracing(t => t
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                    .AddAspNetCoreInstrumentation())
                .UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> (the process runs), <c>/health/ready</c> (database and silo) and <c>/metrics</c>, answered only
    /// when <paramref name="mayScrape"/> says the request is the machine's own (404 otherwise).
    /// </summary>
    public static WebApplication MapAgriLinkHealth(this WebApplication app, Func<HttpContext, bool> mayScrape)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).WithTags("Health");
        app.MapPrometheusScrapingEndpoint("/metrics").AddEndpointFilter(async (context, next) =>
            mayScrape(context.HttpContext) ? await next(context) : Results.NotFound());
        return app;
    }

    /// <summary>A request from this machine that no proxy forwarded (for a process that trusts no proxy: the silo).</summary>
    public static bool IsLoopbackUnforwarded(HttpContext http) =>
        !http.Request.Headers.ContainsKey("X-Forwarded-For") &&
        (http.Connection.RemoteIpAddress is not { } address || System.Net.IPAddress.IsLoopback(address));
}
