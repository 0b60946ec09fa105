using AgriLink.Hosting;
using AgriLink.Storage;
using AgriLink.Storage.Hosting;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AgriLink.Web.Extensions;

public static class DataExtensions
{
    /// <summary>
    /// The data folder with its one database (grain state, audit log and Identity tables) and the
    /// data-protection keys, which must persist so cookies and tokens survive a restart.
    /// </summary>
    public static WebApplicationBuilder AddAgriLinkData(this WebApplicationBuilder builder)
    {
        var data = DataFolder.Resolve(builder.Configuration);
        var database = AgriLinkDatabase.Sqlite(data.DatabaseFile);
        builder.Services.AddSingleton(data);
        builder.Services.AddAgriLinkDatabase(database);
        builder.Services.AddDbContext<IdentityStore>(o => o.UseSqlite(database.ConnectionString));
        builder.Services.AddDataProtection()
            .SetApplicationName("AgriLink")
            .PersistKeysToFileSystem(new DirectoryInfo(data.KeysFolder));
        builder.Services.AddHostedService<IdentitySchema>();
        return builder;
    }
}
