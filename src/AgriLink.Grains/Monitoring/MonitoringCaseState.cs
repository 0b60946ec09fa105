using AgriLink.Domain.Monitoring;

namespace AgriLink.Grains.Monitoring;

[GenerateSerializer, Alias("AgriLink.MonitoringCaseState")]
public sealed record MonitoringCaseState
{
    [Id(0)] public MonitoringCase? Case { get; init; }
    [Id(1)] public string HeadName { get; init; } = "";
    [Id(2)] public string CountyCode { get; init; } = "";
    [Id(3)] public string Township { get; init; } = "";
    [Id(4)] public string Village { get; init; } = "";
    [Id(5)] public RiskWarning? Warning { get; init; }
    /// <summary>When the current step falls due, fixed at each step with the time limits then in force (so rows follow from the state).</summary>
    [Id(6)] public DateTimeOffset? DueBy { get; init; }
    /// <summary>The household's village code (统计用区划代码, 12 digits) when the case opened; who may act on it follows from it.</summary>
    [Id(7)] public string? VillageCode { get; init; }
    /// <summary>
    /// The household's per-capita income by year while the case is confirmed, as the warnings run found it (a few years at
    /// most: a case lasts until its risk is gone), for the dashboards' income over time.
    /// </summary>
    [Id(8)] public System.Collections.Immutable.ImmutableList<MonitoredYearIncome> Incomes { get; init; } = [];
}

/// <summary>A monitored household's income of a year per person, and the monitoring line it was held against (fen).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.MonitoredYearIncome")]
public sealed record MonitoredYearIncome([property: Id(0)] int Year, [property: Id(1)] long PerCapitaFen, [property: Id(2)] long LineFen);
