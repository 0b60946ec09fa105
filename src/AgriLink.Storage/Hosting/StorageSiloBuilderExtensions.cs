using Orleans.Hosting;

namespace AgriLink.Storage.Hosting;

public static class StorageSiloBuilderExtensions
{
    /// <summary>
    /// Grain storage <see cref="StorageNames.Main"/> over the AgriLink database, with the schema ensured at silo start.
    /// Pass <paramref name="database"/> unless the host already called <c>AddAgriLinkDatabase</c>.
    /// </summary>
    public static ISiloBuilder AddAgriLinkStorage(this ISiloBuilder builder, Func<IServiceProvider, AgriLinkDatabase>? database = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAgriLinkGrainStorage(database);
        return builder;
    }
}
