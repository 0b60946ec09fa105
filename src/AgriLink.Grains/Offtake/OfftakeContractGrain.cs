using AgriLink.Domain.Errors;
using AgriLink.Domain.Identifiers;
using AgriLink.Domain.Offtake;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Enterprises;

namespace AgriLink.Grains.Offtake;

public sealed class OfftakeContractGrain(
    [PersistentState("offtake-contract", GrainStorage.Main)] IPersistentState<OfftakeContractState> state,
    TimeProvider clock) : Grain, IOfftakeContractGrain
{
    private const string Resource = "offtake-contract";
    private string Id => this.GetPrimaryKeyString();

    public Task<bool> Exists() => Task.FromResult(state.State.Terms is not null);

    public Task<OfftakeContractView> Get() => Task.FromResult(View(Existing()));

    public async Task<OfftakeContractView> Propose(OfftakeProposal proposal, string actor)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        Guard.NotYetRegistered(state.State.Terms is not null, Resource, Id);
        if (proposal.Terms is null) throw ValidationFailedException.For("terms", "are required.");
        var v = new Validator()
            .Check(Ids.IsValid(proposal.EnterpriseId, Ids.Enterprise), "enterpriseId", "is not an enterprise id.")
            .Check(Ids.IsValid(proposal.CooperativeId, Ids.Cooperative), "cooperativeId", "is not a cooperative id.");
        v.ThrowIfInvalid();
        proposal.Terms.Validate();
        if (!await GrainFactory.GetGrain<IEnterpriseGrain>(proposal.EnterpriseId).Exists())
            throw ValidationFailedException.For("enterpriseId", $"No enterprise with id '{proposal.EnterpriseId}' is registered.");
        if (!await GrainFactory.GetGrain<ICooperativeGrain>(proposal.CooperativeId).Exists())
            throw ValidationFailedException.For("cooperativeId", $"No cooperative with id '{proposal.CooperativeId}' is registered.");
        var proposed = new OfftakeContractState
        {
            EnterpriseId = proposal.EnterpriseId,
            CooperativeId = proposal.CooperativeId,
            Terms = proposal.Terms.Normalized(),
            Status = OfftakeStatus.Proposed,
            History = [new(OfftakeStatus.Proposed, actor, clock.Now())],
        };
        return await Save(proposed, null, View(proposed));
    }

    public Task<OfftakeContractView> Accept(string actor) => Transition(s => OfftakeLifecycle.Accept(s.Status), actor, null);

    public Task<OfftakeContractView> Decline(string actor, string? reason) =>
        Transition(s => OfftakeLifecycle.Decline(s.Status), actor, Reason(reason, required: false));

    public Task<OfftakeContractView> Complete(string actor) =>
        Transition(s => OfftakeLifecycle.Complete(s.Status, s.Terms!, s.Deliveries.Sum(d => d.Quantity), clock.Today()), actor, null);

    public Task<OfftakeContractView> Terminate(string actor, string reason) =>
        Transition(s => OfftakeLifecycle.Terminate(s.Status), actor, Reason(reason, required: true));

    public async Task<OfftakeContractView> RecordDelivery(OfftakeDelivery delivery, string actor)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var current = Existing();
        delivery.Validate();
        var normalized = delivery.Normalized();
        if (current.Deliveries.Find(d => d.Reference == normalized.Reference) is { } earlier)
        {
            return earlier == normalized
                ? View(current)
                : throw new RuleViolationException("offtake.reference-reused",
                    $"Delivery '{normalized.Reference}' was already recorded with other details; nothing was changed.");
        }
        OfftakeLifecycle.CheckCanDeliver(current.Status);
        OfftakeSettlement.CheckDelivery(current.Terms!, current.Deliveries.Sum(d => d.Quantity), normalized, clock.Today());
        return await Save(current with
        {
            Deliveries = [.. current.Deliveries, normalized],
            RecordedBy = [.. current.RecordedBy, actor],
        }, null, normalized);
    }

    private async Task<OfftakeContractView> Transition(Func<OfftakeContractState, OfftakeStatus> next, string actor, string? reason)
    {
        var current = Existing();
        var status = next(current);
        return await Save(current with
        {
            Status = status,
            History = [.. current.History, new(status, actor, clock.Now(), reason)],
        }, current.Status, status);
    }

    private static string? Reason(string? reason, bool required)
    {
        new Validator().Text("reason", reason, 500, required).ThrowIfInvalid();
        return string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    private OfftakeContractState Existing()
    {
        Guard.Existing(state.State.Terms, Resource, Id);
        return state.State;
    }

    /// <summary>
    /// Stores the change, with its audit entry when the caller declared one: what the entry shows before and after (the
    /// contract, a delivery, a status) is the command's. Both parties' lists are the contract's projection row, written with it.
    /// </summary>
    private async Task<OfftakeContractView> Save(OfftakeContractState next, object? before, object after)
    {
        await state.CommitAsync(next, AuditEntries.Changes(Resource, Id, before, after));
        return View(next);
    }

    private OfftakeContractView View(OfftakeContractState s)
    {
        var today = clock.Today();
        var ended = s.Status is OfftakeStatus.Completed or OfftakeStatus.Terminated or OfftakeStatus.Declined;
        return new(Id, s.EnterpriseId!, s.CooperativeId!, s.Terms!, s.Status, s.History,
            OfftakeSettlement.Of(s.Terms!, s.Deliveries, today, ended), today);
    }
}
