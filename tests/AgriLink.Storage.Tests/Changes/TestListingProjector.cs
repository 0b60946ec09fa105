using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;
using AgriLink.Storage.Tests.Persistence;

namespace AgriLink.Storage.Tests.Changes;

/// <summary>Projects the test state into the real listings table: one row per grain, its title and price.</summary>
internal sealed class TestListingProjector : StateProjector<TestListingState>
{
    public static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public override string StateName => "listing";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Listings];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, TestListingState state) =>
        [ProjectionTables.Listings.Upsert(grainKey, state.Supplier?.CooperativeId ?? "coop-1", state.Title, "520281", "Active", state.PriceFen, false, At, null, null, null)];
}
