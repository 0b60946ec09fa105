using AgriLink.Domain.Assemblies;

namespace AgriLink.Web.Apis;

/// <summary>
/// An assembly as the caller may see it: the roll (who holds additional votes, shown to the assembly by law), the
/// resolutions with their counts once closed, and the caller's own ballot; for online voting, how many have voted so far.
/// Members never see who may vote or others' ballots.
/// </summary>
public sealed record AssemblyView(Assembly Assembly, Ballot? MyBallot, string CapSharing, int? Turnout = null);
