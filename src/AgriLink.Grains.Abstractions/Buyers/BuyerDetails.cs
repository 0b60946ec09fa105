using AgriLink.Domain.Buyers;

namespace AgriLink.Grains.Buyers;

[GenerateSerializer, Immutable, Alias("AgriLink.BuyerDetails")]
public sealed record BuyerDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] BuyerProfile Profile,
    [property: Id(2)] DateTimeOffset RegisteredAt,
    [property: Id(3)] DateTimeOffset UpdatedAt);
