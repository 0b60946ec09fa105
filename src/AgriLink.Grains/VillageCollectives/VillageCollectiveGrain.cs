using AgriLink.Domain.VillageCollectives;
using AgriLink.Grains.Common;

namespace AgriLink.Grains.VillageCollectives;

public sealed class VillageCollectiveGrain(
    [PersistentState("village-collective", GrainStorage.Main)] IPersistentState<ProfileState<VillageCollectiveProfile>> state,
    TimeProvider clock)
    : ProfileGrain<VillageCollectiveProfile, VillageCollectiveDetails>(state, clock), IVillageCollectiveGrain
{
    protected override string Resource => "village-collective";

    protected override VillageCollectiveDetails ToDetails(string id, ProfileState<VillageCollectiveProfile> s, VillageCollectiveProfile profile) =>
        new(id, profile, s.RegisteredAt, s.UpdatedAt);
}
