using AgriLink.Grains.Projections;
using AgriLink.Hosting;
using AgriLink.Storage;
using AgriLink.Storage.Dialects;
using AgriLink.Storage.Hosting;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AgriLink.Web.Extensions;

public static class DataExtensions
{
    /// <summary>
    /// The one database (grain state, ledger, audit log and Identity tables) that <c>Storage:Provider</c> names
    /// (<see cref="StorageSelection"/>: the data folder's SQLite file by default, or PostgreSQL), and the data folder's
    /// data-protection keys, which must persist so cookies and tokens survive a restart.
    /// </summary>
    public static WebApplicationBuilder AddAgriLinkData(this WebApplicationBuilder builder)
    {
        var data = DataFolder.Resolve(builder.Configuration);
        var database = builder.Configuration.AgriLinkDatabase(data);
        builder.Services.AddSingleton(data);
        builder.Services.AddAgriLinkDatabase(database);
        builder.Services.AddAgriLinkProjections();
        Grains.Monitoring.MonitoringServiceCollectionExtensions.AddMonitoringOptions(builder.Services, builder.Configuration);
        builder.Services.AddDbContext<IdentityStore>(o => o.UseAgriLinkDatabase(database));
        builder.Services.AddDataProtection()
            .SetApplicationName("AgriLink")
            .PersistKeysToFileSystem(new DirectoryInfo(data.KeysFolder));
        builder.Services.AddHostedService<IdentitySchema>();
        return builder;
    }

    /// <summary>Entity Framework (Identity) on the same engine and database as <paramref name="database"/>.</summary>
    public static DbContextOptionsBuilder UseAgriLinkDatabase(this DbContextOptionsBuilder options, AgriLinkDatabase database) =>
        database.Dialect is PostgresDialect
            ? options.UseNpgsql(database.ConnectionString)
            : options.UseSqlite(database.ConnectionString);
}
