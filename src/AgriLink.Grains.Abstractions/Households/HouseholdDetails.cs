using AgriLink.Domain.Households;

namespace AgriLink.Grains.Households;

/// <summary>
/// A household. <see cref="Invitations"/> are the cooperatives' invitations waiting for its answer;
/// <see cref="PendingPreferredRelease"/> is the release of its preferred shares after it exited poverty, while not yet done.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.HouseholdDetails")]
public sealed record HouseholdDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] HouseholdProfile Profile,
    [property: Id(2)] PovertyStatus Status,
    [property: Id(3)] IReadOnlyList<PovertyStatusChange> StatusHistory,
    [property: Id(4)] DateTimeOffset RegisteredAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] IReadOnlyList<MembershipInvitation>? Invitations = null,
    [property: Id(7)] PreferredRelease? PendingPreferredRelease = null);
