using AgriLink.Domain.Codes;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.VillageCollectives;

/// <summary>A village collective economic organisation (村集体经济组织), holder of collective assets and shares.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.VillageCollectiveProfile")]
public sealed record VillageCollectiveProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string CountyCode,
    [property: Id(2)] string Township,
    [property: Id(3)] string Village,
    [property: Id(4)] string? CreditCode = null,
    [property: Id(5)] string? Phone = null) : IValidatedProfile<VillageCollectiveProfile>
{
    public void Validate() =>
        new Validator()
            .Text("name", Name, 100)
            .County("countyCode", CountyCode)
            .Text("township", Township, 50)
            .Text("village", Village, 50)
            .CreditCode("creditCode", CreditCode, required: false)
            .Phone("phone", Phone, required: false)
            .ThrowIfInvalid();

    public VillageCollectiveProfile Normalized() => this with
    {
        Name = Name.Trim(),
        Township = Township.Trim(),
        Village = Village.Trim(),
        CreditCode = string.IsNullOrWhiteSpace(CreditCode) ? null : UnifiedSocialCreditCode.Parse(CreditCode).Value,
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : PhoneNumber.Parse(Phone).Value,
    };
}
