namespace AgriLink.Domain.Cooperatives;

/// <summary>
/// A cooperative's admission as a supplier of the platform (as the national 832 platform admits suppliers):
/// it applies, its county recommends it, the platform approves; the platform may suspend it on complaints.
/// </summary>
[GenerateSerializer, Alias("AgriLink.AdmissionStatus")]
public enum AdmissionStatus
{
    NotApplied = 0,
    Applied = 1,
    CountyRecommended = 2,
    Approved = 3,
    Suspended = 4,
    Rejected = 5,
}
