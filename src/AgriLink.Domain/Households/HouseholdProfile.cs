using AgriLink.Domain.Codes;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Households;

/// <summary>A farm household (农户). No identity-card numbers are kept: the head's name and village identify it locally.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.HouseholdProfile")]
public sealed record HouseholdProfile(
    [property: Id(0)] string HeadName,
    [property: Id(1)] string CountyCode,
    [property: Id(2)] string Township,
    [property: Id(3)] string Village,
    [property: Id(4)] int People,
    [property: Id(5)] string? Phone = null,
    [property: Id(6)] string? VillageCode = null)
{
    /// <summary>The township's 9-digit code (the village code's first 9 digits); null without a village code.</summary>
    public string? TownshipCode => AreaCode.TownshipOf(VillageCode);

    public void Validate() =>
        new Validator()
            .Text("headName", HeadName, 50)
            .County("countyCode", CountyCode)
            .Text("township", Township, 50)
            .Text("village", Village, 50)
            .Range("people", People, 1, 30)
            .Phone("phone", Phone, required: false)
            .VillageCode("villageCode", VillageCode, CountyCode)
            .ThrowIfInvalid();

    public HouseholdProfile Normalized() => this with
    {
        HeadName = HeadName.Trim(),
        Township = Township.Trim(),
        Village = Village.Trim(),
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : PhoneNumber.Parse(Phone).Value,
        VillageCode = string.IsNullOrWhiteSpace(VillageCode) ? null : VillageCode.Trim(),
    };
}
