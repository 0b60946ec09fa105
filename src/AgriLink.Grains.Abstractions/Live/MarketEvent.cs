namespace AgriLink.Grains.Live;

/// <summary>
/// Something that changed, for live clients. <see cref="Topic"/> names the group it goes to (<c>listing:{id}</c>,
/// <c>coop:{id}</c>, <c>buyer:{id}</c>, <c>household:{id}</c>, <c>market</c>); <see cref="Sequence"/> counts the
/// changes of the resource (<see cref="Resource"/>, e.g. <c>listing:lst-…</c>) without gaps, so a client that sees
/// one skipped re-fetches it. <see cref="Data"/> is the JSON payload: only what the topic's members may read.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.MarketEvent")]
public sealed record MarketEvent(
    [property: Id(0)] string Topic,
    [property: Id(1)] string Name,
    [property: Id(2)] string Resource,
    [property: Id(3)] long Sequence,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string Data);
