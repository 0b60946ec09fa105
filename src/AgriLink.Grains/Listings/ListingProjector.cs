using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Listings;

/// <summary>
/// A listing's row for lists by cooperative, county and status, with its cover photo for the cards and order lines that show
/// it (stock and holds stay in the grain: they change per order).
/// </summary>
internal sealed class ListingProjector : StateProjector<ListingState>
{
    public override string StateName => "listing";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Listings];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, ListingState state) =>
        state.Draft is { } d
            ? [ProjectionTables.Listings.Upsert(grainKey, state.CooperativeId, d.Title, d.CountyCode, state.Status.ToString(), d.PriceFen,
                state.Poverty is not null, state.UpdatedAt, Cover(state)?.Id, Cover(state)?.Width, Cover(state)?.Height)]
            : [];

    private static Domain.Photos.Photo? Cover(ListingState state) => state.Photos.IsEmpty ? null : state.Photos[0];
}
