using AgriLink.Domain.Assemblies;

namespace AgriLink.Grains.Assemblies;

/// <summary>
/// Calling an assembly: online (members vote until <see cref="ClosesAt"/>) or held (the admin records it afterwards); a held
/// assembly may be a representative assembly (成员代表大会) when the cooperative has more than 150 members.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CallAssembly")]
public sealed record CallAssembly(
    [property: Id(0)] string? Title,
    [property: Id(1)] AssemblyMode Mode,
    [property: Id(2)] IReadOnlyList<ResolutionDraft>? Resolutions,
    [property: Id(3)] DateTimeOffset? ClosesAt = null,
    [property: Id(4)] bool Representative = false);
