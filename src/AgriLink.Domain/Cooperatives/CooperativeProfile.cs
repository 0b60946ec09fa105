using AgriLink.Domain.Codes;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Cooperatives;

/// <summary>What a farmers' specialized cooperative (农民专业合作社) registers with the platform.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CooperativeProfile")]
public sealed record CooperativeProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string CreditCode,
    [property: Id(2)] string CountyCode,
    [property: Id(3)] string Village,
    [property: Id(4)] string Address,
    [property: Id(5)] string LegalRepresentative,
    [property: Id(6)] string Phone,
    [property: Id(7)] DateOnly FoundedOn,
    [property: Id(8)] string? Description = null)
{
    public void Validate(DateOnly today) =>
        new Validator()
            .Text("name", Name, 100)
            .CreditCode("creditCode", CreditCode)
            .County("countyCode", CountyCode)
            .Text("village", Village, 50)
            .Text("address", Address, 200)
            .Text("legalRepresentative", LegalRepresentative, 50)
            .Phone("phone", Phone)
            .Check(FoundedOn <= today && FoundedOn.Year >= 2007, "foundedOn",
                "must be a past date on or after 2007 (the cooperative law took effect on 2007-07-01).")
            .Text("description", Description, 2000, required: false)
            .ThrowIfInvalid();

    /// <summary>The stored form: trimmed text, upper-case credit code, canonical phone.</summary>
    public CooperativeProfile Normalized() => this with
    {
        Name = Name.Trim(),
        CreditCode = UnifiedSocialCreditCode.Parse(CreditCode).Value,
        Village = Village.Trim(),
        Address = Address.Trim(),
        LegalRepresentative = LegalRepresentative.Trim(),
        Phone = PhoneNumber.Parse(Phone).Value,
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
    };
}
