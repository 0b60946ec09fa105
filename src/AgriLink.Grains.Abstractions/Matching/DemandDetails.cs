using AgriLink.Domain.Matching;

namespace AgriLink.Grains.Matching;

/// <summary>A buyer's demand as stored. <see cref="Revision"/> counts its changes (posting is 1).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DemandDetails")]
public sealed record DemandDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] DemandSpec Spec,
    [property: Id(3)] DemandStatus Status,
    [property: Id(4)] DateTimeOffset PostedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] int Revision,
    [property: Id(7)] int NotificationCount,
    [property: Id(8)] DateTimeOffset? ClosedAt = null,
    [property: Id(9)] string? CloseReason = null);
