using System.Collections.Immutable;
using AgriLink.Domain.Matching;

namespace AgriLink.Grains.Matching;

/// <summary>
/// A demand as stored; its criteria reach the matcher as its <c>open_demands</c> row, written with it. (Id 8 held the
/// revision a retired open-demands registry had heard of.)
/// </summary>
[GenerateSerializer, Alias("AgriLink.DemandState")]
public sealed record DemandState
{
    [Id(0)] public string? BuyerId { get; init; }
    [Id(1)] public DemandSpec? Spec { get; init; }
    [Id(2)] public DemandStatus Status { get; init; }
    [Id(3)] public DateTimeOffset PostedAt { get; init; }
    [Id(4)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(5)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(6)] public string? CloseReason { get; init; }
    [Id(7)] public int Revision { get; init; }
    /// <summary>Newest first, at most <see cref="DemandGrain.MaxNotifications"/>.</summary>
    [Id(9)] public ImmutableList<DemandNotification> Notifications { get; init; } = ImmutableList<DemandNotification>.Empty;
}
