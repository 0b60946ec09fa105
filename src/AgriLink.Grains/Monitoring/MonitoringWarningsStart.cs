using AgriLink.Grains.Projections;
using Microsoft.Extensions.Logging;

namespace AgriLink.Grains.Monitoring;

/// <summary>
/// Once the silo serves: makes sure every county with households has its warnings reminder. Every silo does it at its
/// start; a county's grain registers its reminder only when it has none, so several silos register one reminder.
/// </summary>
internal sealed partial class MonitoringWarningsStart(MonitoringQueries cases, IGrainFactory grains, ILogger<MonitoringWarningsStart> log)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MonitoringWarningsStart), ServiceLifecycleStage.Active, ScheduleAsync);

    private async Task ScheduleAsync(CancellationToken ct)
    {
        try
        {
            foreach (var county in await cases.CountiesWithHouseholds())
                await grains.GetGrain<IMonitoringWarningsGrain>(county).Schedule();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The warnings wait for the next start (or an operator's run); the silo must still serve.
            LogNotScheduled(e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The monitoring warnings could not be scheduled")]
    private partial void LogNotScheduled(Exception exception);
}
