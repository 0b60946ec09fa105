using AgriLink.Domain.Households;

namespace AgriLink.Grains.Households;

[GenerateSerializer, Alias("AgriLink.HouseholdState")]
public sealed record HouseholdState
{
    [Id(0)] public HouseholdProfile? Profile { get; init; }
    [Id(1)] public IReadOnlyList<PovertyStatusChange> History { get; init; } = [];
    [Id(2)] public DateTimeOffset RegisteredAt { get; init; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; init; }
}
