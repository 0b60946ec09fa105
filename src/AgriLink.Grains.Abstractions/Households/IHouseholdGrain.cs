using AgriLink.Domain.Households;

namespace AgriLink.Grains.Households;

[Alias("AgriLink.IHouseholdGrain")]
public interface IHouseholdGrain : IGrainWithStringKey
{
    [Alias("Register")] Task<HouseholdDetails> Register(HouseholdProfile profile, PovertyStatusChange? initialStatus);
    [Alias("Get")] Task<HouseholdDetails> Get();
    [Alias("Exists")] Task<bool> Exists();
    [Alias("UpdateProfile")] Task<HouseholdDetails> UpdateProfile(HouseholdProfile profile);
    [Alias("ChangePovertyStatus")] Task<HouseholdDetails> ChangePovertyStatus(PovertyStatusChange change);
}
