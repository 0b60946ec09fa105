using AgriLink.Domain.Errors;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Common;
using AgriLink.Grains.Households;
using Microsoft.Extensions.Options;

namespace AgriLink.Grains.Monitoring;

public sealed class MonitoringCaseGrain(
    [PersistentState("monitoring-case", GrainStorage.Main)] IPersistentState<MonitoringCaseState> state,
    IOptions<MonitoringOptions> options,
    TimeProvider clock) : Grain, IMonitoringCaseGrain
{
    /// <summary>The audited resource type; its id is the case id.</summary>
    public const string AuditResource = "monitoring-case";

    private string Id => this.GetPrimaryKeyString();

    private CaseTimeLimits Limits => options.Value.TimeLimits;

    public Task<CaseView?> Get() => Task.FromResult(state.State.Case is null ? null : View(state.State));

    public async Task<CaseView> Open(OpenCase request, CaseRole role, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Case is { } existing)
        {
            // A warning raised again (another node's run, a retry) finds the case it opened, and so does a visit's or an
            // import's retry (the case id follows from the visit's, or the file's row): nothing changes.
            if (request.DiscoveryChannel is DiscoveryChannel.PlatformWarning or DiscoveryChannel.CadreVisit or DiscoveryChannel.DepartmentData
                && existing.Channel == request.DiscoveryChannel && existing.HouseholdId == request.HouseholdId)
                return View(state.State);
            throw new RuleViolationException("monitoring.case-exists", $"Case '{Id}' is already open.");
        }
        var household = await GrainFactory.GetGrain<IHouseholdGrain>(request.HouseholdId).Get();
        var opened = MonitoringCase.Open(request.HouseholdId, request.DiscoveryChannel, role, actor, clock.Now(), request.Note ?? "");
        return await Save(new MonitoringCaseState
        {
            Case = opened, HeadName = household.Profile.HeadName, CountyCode = household.Profile.CountyCode,
            Township = household.Profile.Township, Village = household.Profile.Village, Warning = request.Warning,
            VillageCode = household.Profile.VillageCode,
        });
    }

    public Task<CaseView> Act(CaseCommand command, CaseRole role, string actor)
    {
        ArgumentNullException.ThrowIfNull(command);
        var current = state.State.Case ?? throw new NotFoundException("monitoring-case", Id);
        var (at, note) = (clock.Now(), command.Note ?? "");
        var next = command.Action switch
        {
            CaseAction.VillageReview => Only(role, CaseRole.VillageCadre, command, () => current.VillageReview(actor, at, note)),
            CaseAction.TownshipCheck => Only(role, CaseRole.TownshipOfficer, command, () => current.TownshipCheck(actor, at, note)),
            CaseAction.CountyConfirm => Only(role, CaseRole.CountyOfficer, command, () => current.CountyConfirm(actor, at,
                command.Category ?? throw Missing("category"), note)),
            CaseAction.Dismiss => current.Dismiss(role, actor, at, note),
            CaseAction.AddMeasure => current.AddMeasure(role, actor, at, command.Measure ?? throw Missing("measure")),
            CaseAction.EliminateRisk => Only(role, CaseRole.CountyOfficer, command, () => current.EliminateRisk(actor, at,
                command.MonthsAboveLine ?? throw Missing("monthsAboveLine"), Limits, note)),
            CaseAction.Close => Only(role, CaseRole.CountyOfficer, command, () => current.Close(actor, at, note)),
            _ => throw Missing("action"),
        };
        return Save(state.State with { Case = next });
    }

    public async Task<bool> RecordIncome(int year, long perCapitaFen, long lineFen)
    {
        if (state.State.Case is not { IsOpen: true, Category: not null }) return false;
        var figure = new MonitoredYearIncome(year, perCapitaFen, lineFen);
        var incomes = state.State.Incomes;
        if (incomes.Contains(figure)) return false;
        // A figure of the platform's, not a step of anyone's: no audit entry (the warnings run that found it is the record).
        await state.CommitAsync(state.State with { Incomes = [.. incomes.Where(i => i.Year != year).Append(figure).OrderBy(i => i.Year)] });
        return true;
    }

    /// <summary>The domain's steps name their one role; another role is refused the way the domain refuses it.</summary>
    private static MonitoringCase Only(CaseRole role, CaseRole required, CaseCommand command, Func<MonitoringCase> step) =>
        role == required ? step() : throw new RuleViolationException("monitoring.not-allowed", $"A {role} cannot take the action {command.Action}.");

    private static ValidationFailedException Missing(string field) =>
        new(new Dictionary<string, string[]> { [field] = ["is required."] });

    private async Task<CaseView> Save(MonitoringCaseState next)
    {
        next = next with { DueBy = next.Case!.DueBy(Limits) };
        var before = state.State.Case is null ? null : View(state.State);
        var after = View(next);
        await state.CommitAsync(next, AuditEntries.Changes(AuditResource, Id, before, after));
        return after;
    }

    private CaseView View(MonitoringCaseState s) =>
        new(Id, s.Case!, s.HeadName, s.CountyCode, s.Township, s.Village, s.Warning, s.DueBy, s.VillageCode);
}
