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
    [property: Id(5)] string? Phone = null)
{
    public void Validate() =>
        new Validator()
            .Text("headName", HeadName, 50)
            .County("countyCode", CountyCode)
            .Text("township", Township, 50)
            .Text("village", Village, 50)
            .Range("people", People, 1, 30)
            .Phone("phone", Phone, required: false)
            .ThrowIfInvalid();

    public HouseholdProfile Normalized() => this with
    {
        HeadName = HeadName.Trim(),
        Township = Township.Trim(),
        Village = Village.Trim(),
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : PhoneNumber.Parse(Phone).Value,
    };
}
