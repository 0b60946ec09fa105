using AgriLink.Domain.Monitoring;
using Orleans.Concurrency;

namespace AgriLink.Grains.Monitoring;

/// <summary>
/// One case of 防返贫动态监测 (key: the case id), following the domain's <see cref="MonitoringCase"/> from its opening to
/// its close. Lists read <c>monitoring_cases</c>; the caller checks who may see the case (its county, the household).
/// </summary>
[Alias("AgriLink.IMonitoringCaseGrain")]
public interface IMonitoringCaseGrain : IGrainWithStringKey
{
    /// <summary>The case, or null when none was opened under this id.</summary>
    [Alias("Get"), AlwaysInterleave] Task<CaseView?> Get();

    /// <summary>
    /// Opens the case for the household (its county, township and village copied from it). An id already opened refuses
    /// (<c>monitoring.case-exists</c>), except for a platform warning, whose id is its household, warning and year: the
    /// same warning again answers the case it opened and changes nothing.
    /// </summary>
    [Alias("Open")] Task<CaseView> Open(OpenCase request, CaseRole role, string actor);

    /// <summary>One step of the case by <paramref name="role"/>; refused (and nothing changed) when the role or stage does not allow it.</summary>
    [Alias("Act")] Task<CaseView> Act(CaseCommand command, CaseRole role, string actor);

    /// <summary>
    /// Records the household's per-capita income of <paramref name="year"/> against the line (fen), for the dashboards'
    /// income of monitored households: kept while the case is confirmed and open (answers false otherwise, and when the
    /// figure is already recorded). The warnings run calls it.
    /// </summary>
    [Alias("RecordIncome")] Task<bool> RecordIncome(int year, long perCapitaFen, long lineFen);
}

/// <summary>How a case is opened: whose, found how, with a note; a platform warning names its code.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OpenCase")]
public sealed record OpenCase(
    [property: Id(0)] string HouseholdId,
    [property: Id(1)] DiscoveryChannel DiscoveryChannel,
    [property: Id(2)] string? Note,
    [property: Id(3)] RiskWarning? Warning = null);

/// <summary>
/// A step: the action, its note (the review's date, participants and result; the reason of a dismissal; the cadre's
/// assessment), the category a confirmation gives, the measure added, the months income has stayed above the line.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CaseCommand")]
public sealed record CaseCommand(
    [property: Id(0)] CaseAction Action,
    [property: Id(1)] string? Note = null,
    [property: Id(2)] MonitoringCategory? Category = null,
    [property: Id(3)] AssistanceMeasure? Measure = null,
    [property: Id(4)] int? MonthsAboveLine = null);

/// <summary>A case with where its household lives (its village's 12-digit code when it has one), the warning that opened it (if one did), and when its current step is due.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CaseView")]
public sealed record CaseView(
    [property: Id(0)] string Id,
    [property: Id(1)] MonitoringCase Case,
    [property: Id(2)] string HeadName,
    [property: Id(3)] string CountyCode,
    [property: Id(4)] string Township,
    [property: Id(5)] string Village,
    [property: Id(6)] RiskWarning? Warning,
    [property: Id(7)] DateTimeOffset? DueBy,
    [property: Id(8)] string? VillageCode = null);
