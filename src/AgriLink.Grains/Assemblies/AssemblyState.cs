using AgriLink.Domain.Assemblies;

namespace AgriLink.Grains.Assemblies;

/// <summary>
/// One meeting: its roll, resolutions and, for an online assembly, each member's ballot (bounded by the meeting's
/// members). <see cref="Recorded"/> lists the passed plan resolutions already recorded on their declarations.
/// </summary>
[GenerateSerializer, Alias("AgriLink.AssemblyState")]
public sealed record AssemblyState
{
    [Id(0)] public Assembly? Assembly { get; init; }
    [Id(1)] public IReadOnlyDictionary<string, Ballot> Ballots { get; init; } = new Dictionary<string, Ballot>(StringComparer.Ordinal);
    [Id(2)] public IReadOnlyList<string> Recorded { get; init; } = [];
    [Id(3)] public int OrdinaryMajorityBp { get; init; }
    [Id(4)] public int SpecialMajorityBp { get; init; }
}
