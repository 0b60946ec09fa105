namespace AgriLink.Domain.Matching;

/// <summary>
/// What a buyer favours beyond price and delivery. <see cref="CertifiedOnly"/> is a hard rule (扶贫产品认定 only);
/// <see cref="DeepPovertyCounties"/> doubles the weight of the poverty-priority component; <see cref="PartnerRegionCode"/>
/// names an east-west partner region (a GB/T 2260 province, prefecture or county, e.g. 520500 毕节市) whose produce the
/// pairing component favours on top of the pairing table.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DemandPreferences")]
public sealed record DemandPreferences(
    [property: Id(0)] bool CertifiedOnly = false,
    [property: Id(1)] bool DeepPovertyCounties = false,
    [property: Id(2)] string? PartnerRegionCode = null)
{
    public static readonly DemandPreferences None = new();
}
