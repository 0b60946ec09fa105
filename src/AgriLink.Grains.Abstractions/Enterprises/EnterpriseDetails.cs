using AgriLink.Domain.Enterprises;

namespace AgriLink.Grains.Enterprises;

[GenerateSerializer, Immutable, Alias("AgriLink.EnterpriseDetails")]
public sealed record EnterpriseDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] EnterpriseProfile Profile,
    [property: Id(2)] DateTimeOffset RegisteredAt,
    [property: Id(3)] DateTimeOffset UpdatedAt);
