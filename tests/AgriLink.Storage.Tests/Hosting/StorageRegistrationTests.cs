using AgriLink.Storage.Audit;
using AgriLink.Storage.Hosting;
using AgriLink.Storage.Persistence;
using AgriLink.Storage.Tests.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Xunit;

namespace AgriLink.Storage.Tests.Hosting;

public sealed class StorageRegistrationTests : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();
    private AgriLinkDatabase? _database;
    private ServiceProvider? _services;

    private ServiceProvider Services => _services ??= new ServiceCollection()
        .AddSerializer()
        .AddAgriLinkGrainStorage(_ => _database ??= _file.Open())
        .BuildServiceProvider();

    [Fact]
    public void GrainStorageIsRegisteredUnderTheMainNameWithTheOrleansBinarySerializer()
    {
        Assert.IsType<RelationalGrainStorage>(Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main));
        Assert.IsType<OrleansGrainStorageSerializer>(Services.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main));
        Assert.IsType<SqlAuditLog>(Services.GetRequiredService<IAuditLog>());
    }

    [Fact]
    public async Task SiloStartCreatesTheSchema()
    {
        var lifecycle = new RecordingSiloLifecycle();
        foreach (var participant in Services.GetServices<ILifecycleParticipant<ISiloLifecycle>>())
        {
            participant.Participate(lifecycle);
        }

        await lifecycle.StartAsync(TestContext.Current.CancellationToken);

        var database = Services.GetRequiredService<AgriLinkDatabase>();
        await database.SetMetaAsync("started", "yes", TestContext.Current.CancellationToken);
        Assert.Equal("yes", await database.GetMetaAsync("started", TestContext.Current.CancellationToken));
        Assert.Contains(lifecycle.Stages, stage => stage <= ServiceLifecycleStage.RuntimeStorageServices);
    }

    public ValueTask InitializeAsync() => default;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _file.Delete(_database);
    }
}
