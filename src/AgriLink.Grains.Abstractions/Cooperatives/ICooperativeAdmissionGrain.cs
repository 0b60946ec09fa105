using AgriLink.Domain.Cooperatives;
using Orleans.Concurrency;

namespace AgriLink.Grains.Cooperatives;

/// <summary>
/// A cooperative's platform admission (key: the cooperative id). Each step names who took it (<c>by</c>);
/// who may take which step (cooperative admin, county officer, platform admin) is checked by the caller.
/// </summary>
[Alias("AgriLink.ICooperativeAdmissionGrain")]
public interface ICooperativeAdmissionGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave] Task<CooperativeAdmission> Get();

    /// <summary>Whether the cooperative may sell now (approved and not suspended). Never throws for unknown cooperatives.</summary>
    [Alias("MaySell"), AlwaysInterleave] Task<bool> MaySell();

    [Alias("Apply")] Task<CooperativeAdmission> Apply(string by, string? note = null);
    [Alias("Recommend")] Task<CooperativeAdmission> Recommend(string by, string? note = null);
    [Alias("Approve")] Task<CooperativeAdmission> Approve(string by, string? note = null);
    [Alias("Reject")] Task<CooperativeAdmission> Reject(string by, string reason);
    [Alias("Decline")] Task<CooperativeAdmission> Decline(string by, string reason);
    [Alias("Suspend")] Task<CooperativeAdmission> Suspend(string by, AdmissionSuspensionReason reason, string text);
    [Alias("Reinstate")] Task<CooperativeAdmission> Reinstate(string by, string? note = null);
}
