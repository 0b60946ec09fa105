using AgriLink.Hosting;
using AgriLink.Storage;
using AgriLink.Storage.Hosting;

// A standalone silo on the embedded storage. Cluster membership and PostgreSQL arrive with cluster mode.
var builder = Host.CreateApplicationBuilder(args);
var data = DataFolder.Resolve(builder.Configuration);
builder.Services.AddAgriLinkDatabase(AgriLinkDatabase.Sqlite(data.DatabaseFile));
builder.UseOrleans(silo => silo.AddAgriLinkEmbeddedSilo(builder.Configuration));
builder.Build().Run();
