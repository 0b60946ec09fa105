using AgriLink.Domain.Monitoring;

namespace AgriLink.Grains.Monitoring;

/// <summary>
/// A household's 防返贫监测 (key: the household id): the one place that decides which of its cases is open. Every case is
/// opened through it (a self-report, a visit, a department's row, a platform warning), one call at a time, so two findings
/// at once open one case and the second learns its id.
/// </summary>
[Alias("AgriLink.IHouseholdMonitoringGrain")]
public interface IHouseholdMonitoringGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens the case <paramref name="caseId"/> for this household unless another of its cases is open, which it answers
    /// instead (<see cref="CaseOpening.Opened"/> false). The same case id again (a retry) answers that case as the case grain
    /// does (<see cref="IMonitoringCaseGrain.Open"/>).
    /// </summary>
    [Alias("OpenCase")] Task<CaseOpening> OpenCase(string caseId, OpenCase request, CaseRole role, string actor);

    /// <summary>The household's open case, or null.</summary>
    [Alias("OpenCaseId")] Task<string?> OpenCaseId();
}

/// <summary>The household's open case after an opening, and whether this call opened it (false: it was open already).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CaseOpening")]
public sealed record CaseOpening([property: Id(0)] CaseView Case, [property: Id(1)] bool Opened);
