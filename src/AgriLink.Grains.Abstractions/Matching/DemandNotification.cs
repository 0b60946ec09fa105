using AgriLink.Domain.Matching;

namespace AgriLink.Grains.Matching;

/// <summary>
/// A stored notice that a listing which matches the demand was published or restocked (<see cref="Trigger"/>:
/// <c>published</c> or <c>restocked</c>), with the score and its explanation at that moment. One per listing version.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DemandNotification")]
public sealed record DemandNotification(
    [property: Id(0)] string ListingId,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Trigger,
    [property: Id(4)] decimal Score,
    [property: Id(5)] IReadOnlyList<MatchComponent> Components,
    [property: Id(6)] long ListingVersion,
    [property: Id(7)] DateTimeOffset At);
