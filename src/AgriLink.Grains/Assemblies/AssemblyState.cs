using AgriLink.Domain.Assemblies;

namespace AgriLink.Grains.Assemblies;

/// <summary>
/// One meeting: its resolutions and roll of votes, and for an online assembly how many members voted. The voters and each
/// ballot are rows (<see cref="AssemblyRows"/>), so a ballot rewrites this small state, never the whole meeting.
/// <see cref="Recorded"/> lists the passed plan resolutions already recorded on their declarations.
/// </summary>
[GenerateSerializer, Alias("AgriLink.AssemblyState")]
public sealed record AssemblyState
{
    /// <summary>The meeting; its <see cref="Assembly.Voters"/> is empty once the voters are rows.</summary>
    [Id(0)] public Assembly? Assembly { get; init; }

    /// <summary>Ballots as states before schema 14 kept them: moved into rows on the first activation, then empty.</summary>
    [Id(1)] public IReadOnlyDictionary<string, Ballot> LegacyBallots { get; init; } = new Dictionary<string, Ballot>(StringComparer.Ordinal);

    [Id(2)] public IReadOnlyList<string> Recorded { get; init; } = [];
    [Id(3)] public int OrdinaryMajorityBp { get; init; }
    [Id(4)] public int SpecialMajorityBp { get; init; }

    /// <summary>How many members have cast a ballot (a changed ballot counts once).</summary>
    [Id(5)] public int Turnout { get; init; }
}
