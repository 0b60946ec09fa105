using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Audit;
using AgriLink.Grains.Common;
using AgriLink.Grains.Households;

namespace AgriLink.Grains.Monitoring;

public sealed class MonitoringVisitGrain(
    [PersistentState("monitoring-visit", GrainStorage.Main)] IPersistentState<MonitoringVisitState> state,
    TimeProvider clock) : Grain, IMonitoringVisitGrain
{
    /// <summary>The audited resource type; its id is the visit id.</summary>
    public const string AuditResource = "monitoring-visit";

    private string Id => this.GetPrimaryKeyString();

    public Task<VisitView?> Get() => Task.FromResult(state.State.Visit);

    public async Task<VisitView> Log(CadreVisit visit, CaseRole role, string actor)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (state.State.Visit is { } logged) return logged;
        var now = clock.Now();
        visit.Validate(clock.Today());
        visit = visit with { HouseholdId = visit.HouseholdId.Trim(), Note = visit.Note.Trim() };
        var household = (await GrainFactory.GetGrain<IHouseholdGrain>(visit.HouseholdId).Get()).Profile;
        var (caseId, opens) = ((string?)null, false);
        if (visit.FoundRisk)
        {
            // The case is this visit's (its id follows from the visit's, so a retry finds it) unless the household has one
            // open; its opening is audited as the case's own, by whoever logged the visit.
            var declared = AuditIntent.For(AuditResource, Id);
            var newCase = $"mc-v-{Id}";
            using (declared is null ? null : AuditIntent.Within(declared.Actor, "monitoring-case.open", MonitoringCaseGrain.AuditResource, newCase))
            {
                var opening = await GrainFactory.GetGrain<IHouseholdMonitoringGrain>(visit.HouseholdId).OpenCase(newCase,
                    new OpenCase(visit.HouseholdId, DiscoveryChannel.CadreVisit, visit.Note), role, actor);
                (caseId, opens) = (opening.Case.Id, opening.Opened);
            }
        }
        var view = new VisitView(Id, visit, actor, now, household.HeadName, household.CountyCode, household.VillageCode, household.Village, caseId, opens);
        await state.CommitAsync(new MonitoringVisitState { Visit = view }, AuditEntries.Changes(AuditResource, Id, null, view));
        return view;
    }

    public async Task<VisitView> AttachPhoto(Domain.Photos.Photo photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var visit = state.State.Visit ?? throw new Domain.Errors.NotFoundException("monitoring-visit", Id);
        if (visit.Photo == photo) return visit;
        var next = visit with { Photo = photo };
        await state.CommitAsync(new MonitoringVisitState { Visit = next }, AuditEntries.Changes(AuditResource, Id, visit, next));
        return next;
    }
}
