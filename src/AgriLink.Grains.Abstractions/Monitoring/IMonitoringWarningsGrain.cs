namespace AgriLink.Grains.Monitoring;

/// <summary>
/// The platform's warnings (部门筛查预警) of one county (key: its GB/T 2260 code): once a day, by a reminder, it reads the
/// county's households and their income from the projections, evaluates the warning rules, and opens a platform-warning
/// case once per household, warning and year. One activation per county in the whole cluster, so several silos never run
/// the same county twice at once; a repeated run opens nothing new (the case id is the warning's).
/// </summary>
[Alias("AgriLink.IMonitoringWarningsGrain")]
public interface IMonitoringWarningsGrain : IGrainWithStringKey
{
    /// <summary>Registers the daily reminder if it is not registered yet.</summary>
    [Alias("Schedule")] Task Schedule();

    /// <summary>Evaluates the county now; answers what it looked at and what it opened.</summary>
    [Alias("Run")] Task<WarningRun> Run();
}

/// <summary>One run: the households evaluated, the warnings found, and the cases opened by this run (not those found again).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.WarningRun")]
public sealed record WarningRun(
    [property: Id(0)] string CountyCode,
    [property: Id(1)] int Households,
    [property: Id(2)] int Warnings,
    [property: Id(3)] IReadOnlyList<string> OpenedCases);
