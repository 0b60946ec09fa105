using AgriLink.Domain.Complaints;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Complaints;

[GenerateSerializer, Alias("AgriLink.ComplaintState")]
public sealed record ComplaintState
{
    [Id(0)] public Complaint? Complaint { get; init; }
}

public sealed class ComplaintGrain(
    [PersistentState("complaint", GrainStorage.Main)] IPersistentState<ComplaintState> state,
    TimeProvider clock) : Grain, IComplaintGrain
{
    public const string AuditResource = "complaint";

    public Task<Complaint?> Get() => Task.FromResult(state.State.Complaint);

    public Task<Complaint> File(string buyerId, string cooperativeId, string? orderId, ComplaintKind? kind, string? text) =>
        Save(ComplaintRules.File(this.GetPrimaryKeyString(), buyerId, cooperativeId, orderId, kind, text, state.State.Complaint, clock.Now()));

    public Task<Complaint> Decide(bool uphold, string? reason, string by) =>
        Save(ComplaintRules.Decide(state.State.Complaint ?? throw new NotFoundException("complaint", this.GetPrimaryKeyString()), uphold, reason, by, clock.Now()));

    private async Task<Complaint> Save(Complaint after)
    {
        await state.CommitAsync(new ComplaintState { Complaint = after }, AuditEntries.Changes(AuditResource, after.Id, state.State.Complaint, after));
        return after;
    }
}

/// <summary>A complaint as its row of <c>complaints</c>, sorted by filing time then id (newest first in the queue).</summary>
internal sealed class ComplaintProjector : StateProjector<ComplaintState>
{
    public override string StateName => "complaint";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Complaints];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, ComplaintState state)
    {
        if (state.Complaint is not { } c) yield break;
        yield return ProjectionTables.Complaints.Upsert(grainKey, c.CooperativeId, c.BuyerId, c.OrderId, c.Kind.ToString(), c.Status.ToString(), c.Text,
            c.FiledAt, c.DecidedAt, c.DecisionReason, Reviews.ReviewProjector.SortKey(c.FiledAt, grainKey));
    }
}
