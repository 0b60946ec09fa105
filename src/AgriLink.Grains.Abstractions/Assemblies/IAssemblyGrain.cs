using AgriLink.Domain.Assemblies;
using Orleans.Concurrency;

namespace AgriLink.Grains.Assemblies;

/// <summary>
/// One member assembly (meeting) of a cooperative (key: <see cref="AssemblyKey"/>): its roll, resolutions and ballots,
/// nothing of other meetings. A passed resolution on a distribution plan is recorded on that year's declaration.
/// </summary>
[Alias("AgriLink.IAssemblyGrain")]
public interface IAssemblyGrain : IGrainWithStringKey
{
    [Alias("Call")] Task<Assembly> Call(CallAssembly request, string actor);
    [Alias("Get"), AlwaysInterleave] Task<Assembly> Get();
    /// <summary>The assembly, or null when none was called under this key (for a reference another grain checks).</summary>
    [Alias("Find"), AlwaysInterleave] Task<Assembly?> Find();
    [Alias("BallotOf"), AlwaysInterleave] Task<Ballot?> BallotOf(string memberId);
    /// <summary>Every ballot, for the audit by the cooperative's supervisors and operators; never shown to other members.</summary>
    [Alias("Ballots")] Task<IReadOnlyList<Ballot>> Ballots();
    /// <summary>How many members have voted online so far (the turnout against the quorum, not who or how).</summary>
    [Alias("Turnout"), AlwaysInterleave] Task<int> Turnout();
    [Alias("Cast")] Task<Ballot> Cast(string memberId, IReadOnlyDictionary<string, VoteChoice> choices);
    [Alias("Close")] Task<Assembly> Close(string actor);
    [Alias("RecordHeld")] Task<Assembly> RecordHeld(HeldMeeting meeting, string actor);
    /// <summary>Keeps a photo of a held meeting's signed attendance sheet or minutes (its files stored before).</summary>
    [Alias("AddSheetPhoto")] Task<Assembly> AddSheetPhoto(Domain.Photos.Photo photo);
    /// <summary>Drops a sheet photo before the meeting is recorded; the caller deletes its files after.</summary>
    [Alias("RemoveSheetPhoto")] Task<Assembly> RemoveSheetPhoto(string photoId);
}
