using AgriLink.Domain.Assemblies;

namespace AgriLink.Grains.Assemblies;

/// <summary>The record of a held meeting: attendance from the signed sheet, the hand-count per resolution, the minutes.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.HeldMeeting")]
public sealed record HeldMeeting(
    [property: Id(0)] int Present,
    [property: Id(1)] IReadOnlyDictionary<string, ResolutionCount>? Counts,
    [property: Id(2)] string? Minutes);
