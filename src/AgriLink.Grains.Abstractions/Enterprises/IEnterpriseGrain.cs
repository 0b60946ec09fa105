using AgriLink.Domain.Enterprises;

namespace AgriLink.Grains.Enterprises;

[Alias("AgriLink.IEnterpriseGrain")]
public interface IEnterpriseGrain : IGrainWithStringKey
{
    [Alias("Register")] Task<EnterpriseDetails> Register(EnterpriseProfile profile);
    [Alias("Get")] Task<EnterpriseDetails> Get();
    [Alias("Exists")] Task<bool> Exists();
    [Alias("UpdateProfile")] Task<EnterpriseDetails> UpdateProfile(EnterpriseProfile profile);
}
