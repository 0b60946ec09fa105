using AgriLink.Domain.VillageCollectives;
using AgriLink.Grains.Common;
using AgriLink.Grains.Directory;

namespace AgriLink.Grains.VillageCollectives;

public sealed class VillageCollectiveGrain(
    [PersistentState("village-collective", GrainStorage.Main)] IPersistentState<ProfileState<VillageCollectiveProfile>> state,
    TimeProvider clock)
    : ProfileGrain<VillageCollectiveProfile, VillageCollectiveDetails>(state, clock), IVillageCollectiveGrain
{
    protected override string Resource => "village-collective";
    protected override string DirectoryKind => DirectoryKinds.VillageCollectives;

    protected override VillageCollectiveDetails ToDetails(string id, ProfileState<VillageCollectiveProfile> s, VillageCollectiveProfile profile) =>
        new(id, profile, s.RegisteredAt, s.UpdatedAt);

    protected override DirectoryEntry ToEntry(string id, VillageCollectiveProfile profile) =>
        new(id, profile.Name, profile.CountyCode);
}
