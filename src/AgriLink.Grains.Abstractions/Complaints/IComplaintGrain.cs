using AgriLink.Domain.Complaints;
using Orleans.Concurrency;

namespace AgriLink.Grains.Complaints;

/// <summary>
/// One complaint (key: <c>cmp-…</c>): filed once by a buyer against a cooperative, upheld or dismissed once by an operator
/// with a reason. Each change is its <c>complaints</c> row and its audit entry in one write.
/// </summary>
[Alias("AgriLink.IComplaintGrain")]
public interface IComplaintGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave] Task<Complaint?> Get();
    [Alias("File")] Task<Complaint> File(string buyerId, string cooperativeId, string? orderId, ComplaintKind? kind, string? text);
    [Alias("Decide")] Task<Complaint> Decide(bool uphold, string? reason, string by);
}
