using System.Net;
using System.Text.Json;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace AgriLink.Web.Tests;

[Collection(SeededAppCollection.Name)]
public sealed class HealthAndDocsTests(SeededApp app)
{
    [Fact]
    public async Task LivenessAndReadinessAnswerHealthy()
    {
        var client = app.Anonymous();

        using var live = await client.Get("/health/live");
        using var ready = await client.Get("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Api.Ct));
    }

    [Fact]
    public async Task ReadinessChecksTheDatabaseAndTheSilo()
    {
        var health = app.Factory.Services.GetRequiredService<HealthCheckService>();

        var report = await health.CheckHealthAsync(c => c.Tags.Contains("ready"), TestContext.Current.CancellationToken);

        Assert.Equal(["database", "silo"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Entries.Values, e => Assert.Equal(HealthStatus.Healthy, e.Status));
    }

    [Fact]
    public async Task OpenApiDocumentIsValidJsonListingTheApi()
    {
        using var response = await app.Anonymous().Get("/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Api.Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/cooperatives", out _));
        Assert.True(paths.TryGetProperty("/api/listings/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/auth/login", out _));
    }

    [Fact]
    public async Task MetricsExposeOrleansInstrumentsAfterGrainCalls()
    {
        var client = app.Anonymous();
        using (await client.Get("/api/listings/lst-mtcuiya"))
        using (await client.Get("/api/cooperatives/coop-mttea"))
        {
        }

        using var response = await client.Get("/metrics");
        var text = await response.Content.ReadAsStringAsync(Api.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE orleans_catalog_activations gauge", text);
        Assert.Matches("""orleans_catalog_activations\{[^}]*grain_type="listing"[^}]*\} [1-9]""", text);
        Assert.Contains("# TYPE orleans_storage_write_latency_milliseconds histogram", text);
    }

    [Fact]
    public async Task MetricsCountTheBusinessItDoes()
    {
        var listing = await Postgres.PostgresApps.ActiveListing(await app.As("coop.panzhou"));
        await Postgres.PostgresApps.PlaceOrder(await app.As("buyer.canteen"), listing, quantity: 5);
        // The search follower handles the order's events; its lag is published once it has.
        await app.Anonymous().Until($"/api/search/listings?q=%E8%BF%81%E7%A7%BB%E6%B5%8B%E8%AF%95", page => (long)page["total"]! > 0);

        using var response = await app.Anonymous().Get("/metrics");
        var text = await response.Content.ReadAsStringAsync(Api.Ct);

        Assert.Matches("""agrilink_orders_placed_total\{[^}]*payment_method="Invoice"[^}]*\} [1-9]""", text);
        Assert.Matches("""agrilink_listings_reservations_total(\{[^}]*\})? [1-9]""", text);
        Assert.Matches("""agrilink_outbox_lag_seconds\{[^}]*consumer="search"[^}]*\} \d""", text);
    }
}
