using AgriLink.Domain.VillageCollectives;

namespace AgriLink.Grains.VillageCollectives;

[GenerateSerializer, Immutable, Alias("AgriLink.VillageCollectiveDetails")]
public sealed record VillageCollectiveDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] VillageCollectiveProfile Profile,
    [property: Id(2)] DateTimeOffset RegisteredAt,
    [property: Id(3)] DateTimeOffset UpdatedAt);
