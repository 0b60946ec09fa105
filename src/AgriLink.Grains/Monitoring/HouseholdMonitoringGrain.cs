using AgriLink.Grains.Common;
using AgriLink.Grains.Projections;

namespace AgriLink.Grains.Monitoring;

/// <summary>
/// Decides a household's open case. Not reentrant: one opening at a time, so the check and the claim cannot interleave.
/// The claim is written (version-checked) before the case opens, so even two activations of this grain (a cluster's
/// membership in flux) cannot both claim: the second write is stale and refused.
/// </summary>
public sealed class HouseholdMonitoringGrain(
    [PersistentState("household-monitoring", GrainStorage.Main)] IPersistentState<HouseholdMonitoringState> state,
    MonitoringQueries cases) : Grain, IHouseholdMonitoringGrain
{
    private string HouseholdId => this.GetPrimaryKeyString();

    public async Task<CaseOpening> OpenCase(string caseId, OpenCase request, Domain.Monitoring.CaseRole role, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentNullException.ThrowIfNull(request);
        if (request.HouseholdId != HouseholdId)
            throw new ArgumentException($"The case is for household '{request.HouseholdId}', not '{HouseholdId}'.", nameof(request));
        var grain = GrainFactory.GetGrain<IMonitoringCaseGrain>(caseId);
        if (await OpenCase() is { } open && open.Id != caseId) return new CaseOpening(open, false);
        // A case id used before (a warning raised again, a retried visit) is the case grain's to answer; only a new one is claimed.
        if (await grain.Get() is null && state.State.ClaimedCaseId != caseId)
            await state.CommitAsync(new HouseholdMonitoringState { ClaimedCaseId = caseId, Claimed = true });
        return new CaseOpening(await grain.Open(request, role, actor), true);
    }

    public async Task<string?> OpenCaseId() => (await OpenCase())?.Id;

    /// <summary>The claimed case while it is open; before any claim, the open case the projection holds (cases opened before this grain).</summary>
    private async Task<CaseView?> OpenCase()
    {
        var id = state.State.Claimed ? state.State.ClaimedCaseId : await cases.OpenCaseOf(HouseholdId);
        if (id is null) return null;
        return await GrainFactory.GetGrain<IMonitoringCaseGrain>(id).Get() is { Case.IsOpen: true } found ? found : null;
    }
}
