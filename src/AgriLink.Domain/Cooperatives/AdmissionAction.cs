namespace AgriLink.Domain.Cooperatives;

[GenerateSerializer, Alias("AgriLink.AdmissionAction")]
public enum AdmissionAction
{
    Apply = 0,
    Recommend = 1,
    Approve = 2,
    Reject = 3,
    Suspend = 4,
    Reinstate = 5,
    /// <summary>The county declines to recommend an application, with its reason; the cooperative may apply again.</summary>
    Decline = 6,
}
