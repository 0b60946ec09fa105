using AgriLink.Domain.Enterprises;
using AgriLink.Grains.Common;
using AgriLink.Grains.Directory;

namespace AgriLink.Grains.Enterprises;

public sealed class EnterpriseGrain(
    [PersistentState("enterprise", GrainStorage.Main)] IPersistentState<ProfileState<EnterpriseProfile>> state,
    TimeProvider clock)
    : ProfileGrain<EnterpriseProfile, EnterpriseDetails>(state, clock), IEnterpriseGrain
{
    protected override string Resource => "enterprise";
    protected override string DirectoryKind => DirectoryKinds.Enterprises;

    protected override EnterpriseDetails ToDetails(string id, ProfileState<EnterpriseProfile> s, EnterpriseProfile profile) =>
        new(id, profile, s.RegisteredAt, s.UpdatedAt);

    protected override DirectoryEntry ToEntry(string id, EnterpriseProfile profile) =>
        new(id, profile.Name, profile.CountyCode, Status: profile.Level.ToString());
}
