using AgriLink.Domain.Matching;
using Orleans.Concurrency;

namespace AgriLink.Grains.Matching;

/// <summary>
/// A buyer's demand (采购需求, key <c>dmd-…</c>). Posting, updating and closing keep the buyer's demand list and the
/// open-demands registry in step; <see cref="RecordMatch"/> stores a notification and tells the buyer live.
/// </summary>
[Alias("AgriLink.IDemandGrain")]
public interface IDemandGrain : IGrainWithStringKey
{
    [Alias("Post")] Task<DemandDetails> Post(string buyerId, DemandSpec spec);
    [Alias("Get"), AlwaysInterleave] Task<DemandDetails> Get();
    [Alias("Exists"), AlwaysInterleave] Task<bool> Exists();
    /// <summary>Replaces the criteria of an open demand; refused once closed.</summary>
    [Alias("Update")] Task<DemandDetails> Update(DemandSpec spec);
    /// <summary>Closes the demand (idempotent): no more notifications.</summary>
    [Alias("Close")] Task<DemandDetails> Close(string? reason);
    /// <summary>Stores the notification once per listing version while open; false when ignored.</summary>
    [Alias("RecordMatch")] Task<bool> RecordMatch(DemandNotification notification);
    /// <summary>Newest first.</summary>
    [Alias("Notifications"), AlwaysInterleave] Task<IReadOnlyList<DemandNotification>> Notifications();
}
