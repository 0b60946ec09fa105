using System.Collections.Immutable;
using AgriLink.Domain.Matching;

namespace AgriLink.Grains.Matching;

/// <summary>
/// A demand as stored. <see cref="SyncedRevision"/> trails <see cref="Revision"/> until the open-demands registry has heard
/// of the latest change; any later call (or activation) retries.
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
    [Id(8)] public int SyncedRevision { get; init; }
    /// <summary>Newest first, at most <see cref="DemandGrain.MaxNotifications"/>.</summary>
    [Id(9)] public ImmutableList<DemandNotification> Notifications { get; init; } = ImmutableList<DemandNotification>.Empty;
}
