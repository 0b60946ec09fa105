namespace AgriLink.Domain.Listings;

/// <summary>
/// Product certifications a buyer filters on. The first three a producer claims with its certificate number;
/// 扶贫产品认定 only a platform administrator grants (and revokes).
/// </summary>
[GenerateSerializer, Alias("AgriLink.CertificationKind")]
public enum CertificationKind
{
    GreenFood = 0,              // 绿色食品
    Organic = 1,                // 有机产品
    GeographicalIndication = 2, // 地理标志
    PovertyAlleviation = 3,     // 扶贫产品认定
}
