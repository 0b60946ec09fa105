using AgriLink.Domain.Codes;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Buyers;

[GenerateSerializer, Immutable, Alias("AgriLink.BuyerProfile")]
public sealed record BuyerProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] BuyerType Type,
    [property: Id(2)] string RegionCode,
    [property: Id(3)] string ContactName,
    [property: Id(4)] string Phone,
    [property: Id(5)] string? CreditCode = null,
    [property: Id(6)] string? ParentBuyerId = null) : IValidatedProfile<BuyerProfile>
{
    public void Validate()
    {
        var v = new Validator()
            .Text("name", Name, 100)
            .Check(Enum.IsDefined(Type), "type", "is not a known buyer type.")
            .Region("regionCode", RegionCode)
            .Text("contactName", ContactName, 50)
            .Phone("phone", Phone)
            // Organisations are identified by their credit code; consumers have none.
            .CreditCode("creditCode", CreditCode, required: Type != BuyerType.Individual)
            .Text("parentBuyerId", ParentBuyerId, 40, required: false);
        v.Check(Type != BuyerType.Individual || CreditCode is null, "creditCode", "individuals have no credit code.");
        v.ThrowIfInvalid();
    }

    public BuyerProfile Normalized() => this with
    {
        Name = Name.Trim(),
        ContactName = ContactName.Trim(),
        Phone = PhoneNumber.Parse(Phone).Value,
        CreditCode = string.IsNullOrWhiteSpace(CreditCode) ? null : UnifiedSocialCreditCode.Parse(CreditCode).Value,
        ParentBuyerId = string.IsNullOrWhiteSpace(ParentBuyerId) ? null : ParentBuyerId.Trim(),
    };
}
