using AgriLink.Domain.Enterprises;
using AgriLink.Grains.Common;

namespace AgriLink.Grains.Enterprises;

public sealed class EnterpriseGrain(
    [PersistentState("enterprise", GrainStorage.Main)] IPersistentState<ProfileState<EnterpriseProfile>> state,
    TimeProvider clock)
    : ProfileGrain<EnterpriseProfile, EnterpriseDetails>(state, clock), IEnterpriseGrain
{
    protected override string Resource => "enterprise";

    protected override EnterpriseDetails ToDetails(string id, ProfileState<EnterpriseProfile> s, EnterpriseProfile profile) =>
        new(id, profile, s.RegisteredAt, s.UpdatedAt);
}
