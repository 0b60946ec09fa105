using AgriLink.Domain.Buyers;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;

namespace AgriLink.Grains.Buyers;

public sealed class BuyerGrain(
    [PersistentState("buyer", GrainStorage.Main)] IPersistentState<ProfileState<BuyerProfile>> state,
    TimeProvider clock)
    : ProfileGrain<BuyerProfile, BuyerDetails>(state, clock), IBuyerGrain
{
    protected override string Resource => "buyer";

    /// <summary>A union or canteen counts toward its parent unit's quota, so the parent must be a real, other buyer.</summary>
    protected override async Task CheckReferences(string id, BuyerProfile profile)
    {
        if (profile.ParentBuyerId is not { } parent) return;
        if (parent == id || !await GrainFactory.GetGrain<IBuyerGrain>(parent).Exists())
            throw ValidationFailedException.For("parentBuyerId", $"No other buyer with id '{parent}' is registered.");
    }

    protected override BuyerDetails ToDetails(string id, ProfileState<BuyerProfile> s, BuyerProfile profile) =>
        new(id, profile, s.RegisteredAt, s.UpdatedAt);
}
