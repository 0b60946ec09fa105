using Orleans;
using Orleans.Runtime;

namespace AgriLink.Storage.Hosting;

/// <summary>
/// Creates or checks the schema while the silo starts, before any grain can activate and read state.
/// A failure here stops the silo start, which beats grains failing one by one later.
/// </summary>
internal sealed class SchemaInitializer(AgriLinkDatabase database) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInitializer), ServiceLifecycleStage.RuntimeStorageServices, database.EnsureSchemaAsync);
}
