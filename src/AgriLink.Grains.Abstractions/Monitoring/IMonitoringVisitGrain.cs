using AgriLink.Domain.Monitoring;
using Orleans.Concurrency;

namespace AgriLink.Grains.Monitoring;

/// <summary>
/// One visit a cadre logged (key: the visit id, ordered by time). Written once: a visit is a record, not a workflow. The
/// caller checks that the cadre may visit the household (its area) and finds the household's open case, if any.
/// </summary>
[Alias("AgriLink.IMonitoringVisitGrain")]
public interface IMonitoringVisitGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave] Task<VisitView?> Get();

    /// <summary>
    /// Logs the visit. One that found a risk opens a case by <see cref="DiscoveryChannel.CadreVisit"/> (id <c>mc-v-{visit}</c>),
    /// unless the household has one open (its <see cref="IHouseholdMonitoringGrain"/> decides), which the visit names
    /// instead. Logged again (a retry), it answers the visit as logged and changes nothing.
    /// </summary>
    [Alias("Log")] Task<VisitView> Log(CadreVisit visit, CaseRole role, string actor);

    /// <summary>
    /// Keeps <paramref name="photo"/> (its files already stored) as the visit's photo, replacing the one before; the same
    /// photo again changes nothing. Only a logged visit takes one (404 before). The caller checks that it is the visit's cadre.
    /// </summary>
    [Alias("AttachPhoto")] Task<VisitView> AttachPhoto(AgriLink.Domain.Photos.Photo photo);
}

/// <summary>A visit as logged: by whom and when, the household and its village, and the case it opened or found open.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.VisitView")]
public sealed record VisitView(
    [property: Id(0)] string Id,
    [property: Id(1)] CadreVisit Visit,
    [property: Id(2)] string Cadre,
    [property: Id(3)] DateTimeOffset RecordedAt,
    [property: Id(4)] string HeadName,
    [property: Id(5)] string CountyCode,
    [property: Id(6)] string? VillageCode,
    [property: Id(7)] string Village,
    [property: Id(8)] string? CaseId,
    [property: Id(9)] bool CaseOpened,
    [property: Id(10)] AgriLink.Domain.Photos.Photo? Photo = null);
