using AgriLink.Domain.Households;

namespace AgriLink.Grains.Households;

[Alias("AgriLink.IHouseholdGrain")]
public interface IHouseholdGrain : IGrainWithStringKey
{
    [Alias("Register")] Task<HouseholdDetails> Register(HouseholdProfile profile, PovertyStatusChange? initialStatus);
    [Alias("Get")] Task<HouseholdDetails> Get();
    /// <summary>Interleaves: a cooperative asks it while the household may be waiting on that cooperative (accepting its invitation).</summary>
    [Alias("Exists"), Orleans.Concurrency.AlwaysInterleave] Task<bool> Exists();
    [Alias("UpdateProfile")] Task<HouseholdDetails> UpdateProfile(HouseholdProfile profile);
    [Alias("ChangePovertyStatus")] Task<HouseholdDetails> ChangePovertyStatus(PovertyStatusChange change);

    /// <summary>
    /// Records a cooperative's invitation (replacing an earlier one from the same cooperative). False, and nothing recorded,
    /// when the household is not registered or lives in another county than <paramref name="cooperativeCounty"/>: the
    /// caller answers both the same way, so an invitation never tells whether a household exists.
    /// </summary>
    [Alias("Invite")] Task<bool> Invite(MembershipInvitation invitation, string cooperativeCounty);

    /// <summary>The household's consent: joins the cooperative (as of today) and drops the invitation.</summary>
    [Alias("AcceptInvitation")] Task<HouseholdDetails> AcceptInvitation(string cooperativeId);

    [Alias("DeclineInvitation")] Task<HouseholdDetails> DeclineInvitation(string cooperativeId);
}
