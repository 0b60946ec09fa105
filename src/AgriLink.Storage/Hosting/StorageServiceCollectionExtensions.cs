using AgriLink.Storage.Audit;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Outbox;
using AgriLink.Storage.Projections;
using AgriLink.Storage.Ledger;
using AgriLink.Storage.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace AgriLink.Storage.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database singleton, the audit log and the ledger; used by the web host, and by the silo
    /// registration when it is given a database.
    /// </summary>
    public static IServiceCollection AddAgriLinkDatabase(this IServiceCollection services, AgriLinkDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return services.AddAgriLinkDatabase(_ => database);
    }

    /// <summary>
    /// Registers <see cref="RelationalGrainStorage"/> as the grain storage named <see cref="StorageNames.Main"/>, and schema
    /// creation at silo start. Without <paramref name="database"/>, the <see cref="AgriLinkDatabase"/> already registered is used.
    /// </summary>
    public static IServiceCollection AddAgriLinkGrainStorage(this IServiceCollection services, Func<IServiceProvider, AgriLinkDatabase>? database = null)
    {
        if (database is not null)
        {
            services.AddAgriLinkDatabase(database);
        }

        // The silo's unkeyed default IGrainStorageSerializer is Newtonsoft JSON. Ours is pinned to Orleans' binary
        // serializer: compact, and version tolerant through the [Id] numbers every state class must carry.
        services.TryAddKeyedSingleton<IGrainStorageSerializer>(
            StorageNames.Main,
            (sp, _) => new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));

        // Orleans' helper registers a keyed IGrainStorage, which is how [PersistentState(name, storage)] finds it.
        services.AddGrainStorage(StorageNames.Main, (sp, name) => new RelationalGrainStorage(
            sp.GetRequiredService<AgriLinkDatabase>(),
            sp.GetRequiredKeyedService<IGrainStorageSerializer>(name),
            sp.GetRequiredService<IActivatorProvider>(),
            sp.GetService<TimeProvider>(),
            sp.GetRequiredService<ProjectorRegistry>(),
            sp.GetRequiredService<OutboxSignal>()));
        services.TryAddSingleton(sp => new ProjectorRegistry(sp.GetServices<IStateProjector>(), sp.GetServices<RunningTotals>()));
        services.TryAddSingleton(sp => new ProjectionRebuilder(
            sp.GetRequiredService<AgriLinkDatabase>(), sp.GetRequiredService<ProjectorRegistry>(),
            sp.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main)));

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInitializer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, ProjectionInitializer>());
        return services;
    }

    private static IServiceCollection AddAgriLinkDatabase(this IServiceCollection services, Func<IServiceProvider, AgriLinkDatabase> database)
    {
        services.AddSingleton(database);
        services.TryAddSingleton<IAuditLog>(sp => new SqlAuditLog(sp.GetRequiredService<AgriLinkDatabase>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<ILedger>(sp => new SqlLedger(sp.GetRequiredService<AgriLinkDatabase>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton(sp => new OutboxStore(sp.GetRequiredService<AgriLinkDatabase>()));
        return services;
    }
}
