using AgriLink.Domain.VillageCollectives;

namespace AgriLink.Grains.VillageCollectives;

[Alias("AgriLink.IVillageCollectiveGrain")]
public interface IVillageCollectiveGrain : IGrainWithStringKey
{
    [Alias("Register")] Task<VillageCollectiveDetails> Register(VillageCollectiveProfile profile);
    [Alias("Get")] Task<VillageCollectiveDetails> Get();
    [Alias("Exists")] Task<bool> Exists();
    [Alias("UpdateProfile")] Task<VillageCollectiveDetails> UpdateProfile(VillageCollectiveProfile profile);
}
