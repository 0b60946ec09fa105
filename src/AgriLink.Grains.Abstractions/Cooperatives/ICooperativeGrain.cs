using AgriLink.Domain.Cooperatives;

namespace AgriLink.Grains.Cooperatives;

/// <summary>One cooperative, keyed by its platform id (coop-…).</summary>
[Alias("AgriLink.ICooperativeGrain")]
public interface ICooperativeGrain : IGrainWithStringKey
{
    [Alias("Register")] Task<CooperativeDetails> Register(CooperativeProfile profile);
    [Alias("Get")] Task<CooperativeDetails> Get();
    [Alias("Exists")] Task<bool> Exists();
    [Alias("UpdateProfile")] Task<CooperativeDetails> UpdateProfile(CooperativeProfile profile);
    [Alias("AddMember")] Task<CooperativeDetails> AddMember(CooperativeMember member);
    [Alias("RemoveMember")] Task<CooperativeDetails> RemoveMember(string memberId);
}
