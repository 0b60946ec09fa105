using AgriLink.Storage.Projections;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace AgriLink.Storage.Hosting;

/// <summary>
/// After the schema, before any grain activates: fills the read-model tables from the grain states when they were
/// filled for another projection version (an upgraded data folder, or a projector that changed).
/// Only a host that declares its projection set (a <see cref="ProjectionCatalog"/>) fills the tables.
/// </summary>
internal sealed partial class ProjectionInitializer(
    AgriLinkDatabase database, ProjectionRebuilder rebuilder, ProjectionCatalog? catalog = null, ILogger<ProjectionInitializer>? log = null)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ILogger logger = log ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<ProjectionInitializer>.Instance;

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (catalog is not null)
            lifecycle.Subscribe(nameof(ProjectionInitializer), ServiceLifecycleStage.RuntimeStorageServices + 100, EnsureCurrentAsync);
    }

    private Task EnsureCurrentAsync(CancellationToken ct) =>
        // Silos starting together against one database take turns; the second finds the version stamped.
        database.RunExclusiveAsync("agrilink.projections", async token =>
        {
            if (await rebuilder.EnsureCurrentAsync(catalog!.Version, catalog.RetiredStates, token) is { } report)
                LogRebuilt(catalog.Version, report.StatesRead.Values.Sum(), report.RowsWritten.Values.Sum(), report.Elapsed.TotalSeconds);
        }, ct);

    [LoggerMessage(LogLevel.Information, "Projections filled for version {Version}: {States} grain states, {Rows} rows in {Seconds:0.0} s")]
    private partial void LogRebuilt(int version, long states, long rows, double seconds);
}
