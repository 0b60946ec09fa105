using AgriLink.Domain.Households;

namespace AgriLink.Grains.Households;

[Alias("AgriLink.IHouseholdGrain")]
public interface IHouseholdGrain : IGrainWithStringKey
{
    [Alias("Register")] Task<HouseholdDetails> Register(HouseholdProfile profile, PovertyStatusChange? initialStatus);
    /// <summary>Interleaves: a share register reads the household's status while the household's release job waits on it.</summary>
    [Alias("Get"), Orleans.Concurrency.AlwaysInterleave] Task<HouseholdDetails> Get();
    /// <summary>Interleaves: a cooperative asks it while the household may be waiting on that cooperative (accepting its invitation).</summary>
    [Alias("Exists"), Orleans.Concurrency.AlwaysInterleave] Task<bool> Exists();
    [Alias("UpdateProfile")] Task<HouseholdDetails> UpdateProfile(HouseholdProfile profile);
    /// <summary>
    /// Records the change. A change to Exited also records, in the same write, the job of releasing the household's preferred
    /// shares (<see cref="HouseholdDetails.PendingPreferredRelease"/>), retried by a reminder until done; call
    /// <see cref="RunPreferredRelease"/> to do it now.
    /// </summary>
    [Alias("ChangePovertyStatus")] Task<HouseholdDetails> ChangePovertyStatus(PovertyStatusChange change);

    /// <summary>
    /// Does the pending release now (recording it first, for an exited household, when none is pending: the repair). A
    /// failure stays pending, with its error, for the reminder to retry.
    /// </summary>
    [Alias("RunPreferredRelease")] Task<HouseholdDetails> RunPreferredRelease(string requestedBy);

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
