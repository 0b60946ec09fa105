using AgriLink.Domain.Offtake;
using Orleans.Concurrency;

namespace AgriLink.Grains.Offtake;

/// <summary>
/// One offtake contract (订单农业, key: <c>off-…</c>) between a leading enterprise and a cooperative. The enterprise
/// proposes, the cooperative accepts or declines; deliveries are recorded against the active contract (idempotent
/// by reference); the view carries the settlement as of today (China time). <c>actor</c> names who acted, for the record.
/// </summary>
[Alias("AgriLink.IOfftakeContractGrain")]
public interface IOfftakeContractGrain : IGrainWithStringKey
{
    [Alias("Propose")] Task<OfftakeContractView> Propose(OfftakeProposal proposal, string actor);
    [Alias("Get"), AlwaysInterleave] Task<OfftakeContractView> Get();
    [Alias("Exists"), AlwaysInterleave] Task<bool> Exists();
    [Alias("Accept")] Task<OfftakeContractView> Accept(string actor);
    [Alias("Decline")] Task<OfftakeContractView> Decline(string actor, string? reason);

    /// <summary>Records a delivery once per reference: a repeat with the same content returns the view unchanged, other content is refused.</summary>
    [Alias("RecordDelivery")] Task<OfftakeContractView> RecordDelivery(OfftakeDelivery delivery, string actor);

    [Alias("Complete")] Task<OfftakeContractView> Complete(string actor);
    [Alias("Terminate")] Task<OfftakeContractView> Terminate(string actor, string reason);
}
