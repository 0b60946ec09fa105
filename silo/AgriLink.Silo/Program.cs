using AgriLink.Hosting;
using AgriLink.Payments;
using AgriLink.Storage.Hosting;

// A standalone silo. Embedded mode (default): localhost clustering on the data folder's SQLite file.
// Cluster mode (AgriLink:Mode=Cluster): Redis membership (ConnectionStrings:Redis), see README "Cluster mode".
var builder = WebApplication.CreateBuilder(args);
// The data folder only for SQLite (embedded): on PostgreSQL a silo keeps nothing on disk and needs no data folder.
builder.Services.AddAgriLinkDatabase(builder.Configuration.AgriLinkDatabase());
// The grains' services the web host registers for its co-hosted silo: Stripe's gateway for the payment grain.
builder.Services.AddAgriLinkStripe(builder.Configuration);
builder.UseOrleans(silo => silo.AddAgriLinkSilo(builder.Configuration));
// Health checks, metrics and traces as the web node reports them.
builder.AddAgriLinkObservability();

var app = builder.Build();
app.MapAgriLinkHealth(Observability.IsLoopbackUnforwarded);
app.Lifetime.ApplicationStarted.Register(() =>
{
    // The readiness line process supervisors and the cluster tests wait for: the silo has joined (Orleans starts before this).
    var orleans = SiloOptions.From(app.Configuration);
    Console.WriteLine($"AgriLink silo ready: mode {app.Configuration.Mode()}, silo port {orleans.SiloPort}, gateway port {orleans.GatewayPort}, " +
                      $"health {string.Join(' ', app.Urls)}/health/ready");
    // A standalone silo in embedded mode is a one-silo cluster nobody else joins: say so where an operator looks.
    if (app.Configuration.Mode() == HostingMode.Embedded)
        app.Logger.LogWarning("{Mode}", app.Configuration.ModeBanner("This silo"));
});
app.Run();
