using AgriLink.Domain.Assemblies;

namespace AgriLink.Web.Apis;

/// <summary>A member's choices by resolution id (<c>{"choices": {"r1": "Yes"}}</c>); sent again to change them before the close.</summary>
public sealed record BallotRequest(IReadOnlyDictionary<string, VoteChoice>? Choices);
