using AgriLink.Domain.Cooperatives;

namespace AgriLink.Grains.Cooperatives;

[GenerateSerializer, Immutable, Alias("AgriLink.CooperativeDetails")]
public sealed record CooperativeDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] CooperativeProfile Profile,
    [property: Id(2)] IReadOnlyList<CooperativeMember> Members,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] Domain.Photos.Photo? Photo = null);
