using AgriLink.Domain.Households;

namespace AgriLink.Grains.Households;

[GenerateSerializer, Alias("AgriLink.HouseholdState")]
public sealed record HouseholdState
{
    [Id(0)] public HouseholdProfile? Profile { get; init; }
    [Id(1)] public IReadOnlyList<PovertyStatusChange> History { get; init; } = [];
    [Id(2)] public DateTimeOffset RegisteredAt { get; init; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Cooperatives' invitations waiting for the household's answer.</summary>
    [Id(4)] public IReadOnlyList<MembershipInvitation> Invitations { get; init; } = [];
    /// <summary>The release of preferred shares owed since the household exited poverty; null when none is pending.</summary>
    [Id(5)] public PreferredRelease? PendingRelease { get; init; }
}
