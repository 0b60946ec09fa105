namespace AgriLink.Domain.Assemblies;

/// <summary>
/// One member assembly (成员大会) or representative assembly of a cooperative: its roll of votes, its resolutions and, once
/// closed, attendance and outcomes. <see cref="Voters"/> are the members who may vote online. A held meeting keeps the
/// photos of its signed attendance sheet and minutes (<see cref="SheetPhotos"/>; law Art. 34: those present sign the record).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Assembly")]
public sealed record Assembly(
    [property: Id(0)] string AssemblyId,
    [property: Id(1)] string Title,
    [property: Id(2)] AssemblyMode Mode,
    [property: Id(3)] AssemblyStatus Status,
    [property: Id(4)] VoteRoll Roll,
    [property: Id(5)] IReadOnlyList<string> Voters,
    [property: Id(6)] IReadOnlyList<Resolution> Resolutions,
    [property: Id(7)] string CalledBy,
    [property: Id(8)] DateTimeOffset CalledAt,
    [property: Id(9)] DateTimeOffset? ClosesAt = null,
    [property: Id(10)] int? Present = null,
    [property: Id(11)] string? Minutes = null,
    [property: Id(12)] string? ClosedBy = null,
    [property: Id(13)] DateTimeOffset? ClosedAt = null,
    [property: Id(14)] string? QuorumNote = null,
    [property: Id(15)] IReadOnlyList<Photos.Photo>? SheetPhotos = null);
