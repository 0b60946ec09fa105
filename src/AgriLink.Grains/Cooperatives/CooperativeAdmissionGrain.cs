using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Common;

namespace AgriLink.Grains.Cooperatives;

public sealed class CooperativeAdmissionGrain(
    [PersistentState("cooperative-admission", GrainStorage.Main)] IPersistentState<CooperativeAdmissionState> state,
    TimeProvider clock) : Grain, ICooperativeAdmissionGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<CooperativeAdmission> Get() => Details(state.State, await County());

    public Task<bool> MaySell() => Task.FromResult(AdmissionLifecycle.MaySell(state.State.Status));

    public Task<CooperativeAdmission> Apply(string by, string? note = null) => Step(AdmissionAction.Apply, by, note);

    public Task<CooperativeAdmission> Recommend(string by, string? note = null) => Step(AdmissionAction.Recommend, by, note);

    public Task<CooperativeAdmission> Approve(string by, string? note = null) => Step(AdmissionAction.Approve, by, note);

    public Task<CooperativeAdmission> Reject(string by, string reason) => Step(AdmissionAction.Reject, by, reason);

    public Task<CooperativeAdmission> Decline(string by, string reason) => Step(AdmissionAction.Decline, by, reason);

    public Task<CooperativeAdmission> Suspend(string by, AdmissionSuspensionReason reason, string text) =>
        Step(AdmissionAction.Suspend, by, text, reason);

    public Task<CooperativeAdmission> Reinstate(string by, string? note = null) => Step(AdmissionAction.Reinstate, by, note);

    private async Task<CooperativeAdmission> Step(AdmissionAction action, string by, string? note, AdmissionSuspensionReason? reason = null)
    {
        AdmissionLifecycle.ValidateNote(action, note, reason);
        var county = await County();
        var from = state.State.Status;
        var to = AdmissionLifecycle.Next(from, action);
        var change = new AdmissionChange(clock.Now(), action, from, to, by, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), reason);
        var next = state.State with { Status = to, History = state.State.History.Add(change) };
        var details = Details(next, county);
        // The cooperative's admins see each step live (the operator's decision, a suspension and why).
        var raised = await state.CommitAsync(next, sequence => [Live.MarketEvents.Create($"coop:{Id}", "admission.changed", $"admission:{Id}", sequence,
            change.At, new { cooperativeId = Id, status = to.ToString(), action = action.ToString(), details.MaySell, reason = change.Note })],
            // Audited as the cooperative's: the status it left and the one it is in.
            () => AuditEntries.For("cooperative", Id, from.ToString(), to.ToString()));
        Live.MarketEvents.Publish(GrainFactory, raised);
        return details;
    }

    /// <summary>The cooperative's county; an unregistered cooperative has no admission to speak of.</summary>
    private async Task<string> County() => (await GrainFactory.GetGrain<ICooperativeGrain>(Id).Get()).Profile.CountyCode;

    private CooperativeAdmission Details(CooperativeAdmissionState s, string county) =>
        new(Id, county, s.Status, AdmissionLifecycle.MaySell(s.Status), s.History);
}
