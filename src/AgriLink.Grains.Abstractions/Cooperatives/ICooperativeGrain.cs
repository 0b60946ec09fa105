using AgriLink.Domain.Cooperatives;
using Orleans.Concurrency;

namespace AgriLink.Grains.Cooperatives;

/// <summary>
/// One cooperative, keyed by its platform id (coop-…). Its reads interleave with its writes: <see cref="RemoveMember"/>
/// awaits the share register, whose issues await <see cref="Get"/>/<see cref="Exists"/> here, so without interleaving the
/// two wait for each other until the call timeout (issue 16, item 10). The register decides with <see cref="Roll"/>, which
/// leaves out a member whose removal is under way from the moment the removal asks the register: an issue racing a
/// removal is refused (not a member), and a removal racing an issue asks the register after the issue and is refused for
/// the holding. (<see cref="Get"/> between the register's answer and the removal's write still lists the member.)
/// </summary>
[Alias("AgriLink.ICooperativeGrain")]
public interface ICooperativeGrain : IGrainWithStringKey
{
    [Alias("Register")] Task<CooperativeDetails> Register(CooperativeProfile profile);
    [Alias("Get"), AlwaysInterleave] Task<CooperativeDetails> Get();
    [Alias("Exists"), AlwaysInterleave] Task<bool> Exists();
    /// <summary>The members a decision may count on: the roll without any member whose removal is under way.</summary>
    [Alias("Roll"), AlwaysInterleave] Task<IReadOnlyList<CooperativeMember>> Roll();
    /// <summary>One member's entry (its kind and office), or null: an access check without shipping the whole roll.</summary>
    [Alias("Member"), AlwaysInterleave] Task<CooperativeMember?> Member(string memberId);
    [Alias("UpdateProfile")] Task<CooperativeDetails> UpdateProfile(CooperativeProfile profile);

    /// <summary>Sets (or, with null, removes) the profile photo; its files are stored before and the replaced one's deleted after.</summary>
    [Alias("SetPhoto")] Task<CooperativeDetails> SetPhoto(Domain.Photos.Photo? photo);
    [Alias("AddMember")] Task<CooperativeDetails> AddMember(CooperativeMember member);
    /// <summary>Admits many members in one write: a whole village's households joining at once.</summary>
    [Alias("AddMembers")] Task<CooperativeDetails> AddMembers(IReadOnlyList<CooperativeMember> members);
    /// <summary>The ids of one kind of member, without shipping the whole roll (a cooperative may have tens of thousands).</summary>
    [Alias("MemberIds")] Task<IReadOnlyList<string>> MemberIds(MemberKind kind);
    /// <summary>
    /// Admits a household that accepted the cooperative's invitation (called by the household's grain, which holds the
    /// invitation: the household is not asked back). Already a member: nothing changes.
    /// </summary>
    [Alias("AdmitAccepted")] Task<CooperativeDetails> AdmitAccepted(CooperativeMember member);
    [Alias("RemoveMember")] Task<CooperativeDetails> RemoveMember(string memberId);

    /// <summary>
    /// Records who holds which office (<see cref="OfficeElection"/>): the founding officers once without a resolution, every
    /// later change with the member assembly's passed election resolution (<c>{assemblyId}/{resolutionId}</c>).
    /// </summary>
    [Alias("RecordOffices")] Task<CooperativeDetails> RecordOffices(IReadOnlyList<OfficeChange> changes, string? resolution);
}
