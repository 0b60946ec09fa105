using AgriLink.Domain.Cooperatives;

namespace AgriLink.Grains.Cooperatives;

[GenerateSerializer, Alias("AgriLink.CooperativeState")]
public sealed record CooperativeState
{
    [Id(0)] public CooperativeProfile? Profile { get; init; }
    [Id(1)] public IReadOnlyList<CooperativeMember> Members { get; init; } = [];
    [Id(2)] public DateTimeOffset RegisteredAt { get; init; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The cooperative's profile photo, if it added one.</summary>
    [Id(4)] public Domain.Photos.Photo? Photo { get; init; }

    /// <summary>Whether offices were ever recorded: the founding officers once as they are, every change after with its resolution.</summary>
    [Id(5)] public bool OfficesRecorded { get; init; }
}
