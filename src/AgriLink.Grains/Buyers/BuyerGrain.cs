using AgriLink.Domain.Buyers;
using AgriLink.Grains.Common;
using AgriLink.Grains.Directory;

namespace AgriLink.Grains.Buyers;

public sealed class BuyerGrain(
    [PersistentState("buyer", GrainStorage.Main)] IPersistentState<ProfileState<BuyerProfile>> state,
    TimeProvider clock)
    : ProfileGrain<BuyerProfile, BuyerDetails>(state, clock), IBuyerGrain
{
    protected override string Resource => "buyer";
    protected override string DirectoryKind => DirectoryKinds.Buyers;

    protected override BuyerProfile Validated(BuyerProfile profile)
    {
        profile.Validate();
        return profile.Normalized();
    }

    protected override BuyerDetails ToDetails(string id, ProfileState<BuyerProfile> s, BuyerProfile profile) =>
        new(id, profile, s.RegisteredAt, s.UpdatedAt);

    protected override DirectoryEntry ToEntry(string id, BuyerProfile profile) =>
        new(id, profile.Name, profile.RegionCode, profile.ParentBuyerId, profile.Type.ToString());
}
