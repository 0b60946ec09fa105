using AgriLink.Grains.Common;
using AgriLink.Storage.Changes;

namespace AgriLink.Grains.Projections;

/// <summary>One row per registered profile (enterprises, buyers, village collectives), as <paramref name="row"/> lays it out.</summary>
internal sealed class ProfileProjector<TProfile>(string stateName, ProjectionTable table, Func<string, TProfile, object?[]> row)
    : StateProjector<ProfileState<TProfile>> where TProfile : class
{
    public override string StateName => stateName;

    public override IReadOnlyList<ProjectionTable> Tables => [table];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, ProfileState<TProfile> state) =>
        state.Profile is { } profile ? [table.Upsert(row(grainKey, profile))] : [];
}
