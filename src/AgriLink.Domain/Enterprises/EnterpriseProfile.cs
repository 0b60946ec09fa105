using AgriLink.Domain.Codes;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Enterprises;

[GenerateSerializer, Immutable, Alias("AgriLink.EnterpriseProfile")]
public sealed record EnterpriseProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string CreditCode,
    [property: Id(2)] EnterpriseLevel Level,
    [property: Id(3)] string CountyCode,
    [property: Id(4)] string Address,
    [property: Id(5)] string Phone,
    [property: Id(6)] string? Business = null) : IValidatedProfile<EnterpriseProfile>
{
    public void Validate() =>
        new Validator()
            .Text("name", Name, 100)
            .CreditCode("creditCode", CreditCode)
            .Check(Enum.IsDefined(Level), "level", "must be National, Provincial or Municipal.")
            .County("countyCode", CountyCode)
            .Text("address", Address, 200)
            .Phone("phone", Phone)
            .Text("business", Business, 2000, required: false)
            .ThrowIfInvalid();

    public EnterpriseProfile Normalized() => this with
    {
        Name = Name.Trim(),
        CreditCode = UnifiedSocialCreditCode.Parse(CreditCode).Value,
        Address = Address.Trim(),
        Phone = PhoneNumber.Parse(Phone).Value,
        Business = string.IsNullOrWhiteSpace(Business) ? null : Business.Trim(),
    };
}
