namespace AgriLink.Grains.Households;

/// <summary>
/// A cooperative's invitation to a household to join it, pending the household's answer: a cooperative admin never admits
/// a household by itself (the household accepts from its own page, or a platform operator admits it).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.MembershipInvitation")]
public sealed record MembershipInvitation(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] string CooperativeName,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] bool IsFarmer,
    [property: Id(4)] bool IsOfficer,
    [property: Id(5)] string InvitedBy,
    [property: Id(6)] DateTimeOffset InvitedAt);
