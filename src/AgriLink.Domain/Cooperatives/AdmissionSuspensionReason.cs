namespace AgriLink.Domain.Cooperatives;

[GenerateSerializer, Alias("AgriLink.AdmissionSuspensionReason")]
public enum AdmissionSuspensionReason
{
    PriceComplaint = 0,   // 价格投诉
    QualityComplaint = 1, // 质量投诉
    Other = 2,
}
