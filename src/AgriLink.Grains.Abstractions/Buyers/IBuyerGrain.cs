using AgriLink.Domain.Buyers;

namespace AgriLink.Grains.Buyers;

[Alias("AgriLink.IBuyerGrain")]
public interface IBuyerGrain : IGrainWithStringKey
{
    [Alias("Register")] Task<BuyerDetails> Register(BuyerProfile profile);
    [Alias("Get")] Task<BuyerDetails> Get();
    [Alias("Exists")] Task<bool> Exists();
    [Alias("UpdateProfile")] Task<BuyerDetails> UpdateProfile(BuyerProfile profile);
}
