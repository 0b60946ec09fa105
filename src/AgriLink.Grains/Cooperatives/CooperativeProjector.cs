using AgriLink.Grains.Projections;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Cooperatives;

/// <summary>
/// A cooperative's row and its member rows. The members are written anew with each write of the cooperative: one
/// cooperative's register (hundreds of members), never the province's, and profile or membership changes are rare.
/// </summary>
internal sealed class CooperativeProjector : StateProjector<CooperativeState>
{
    public override string StateName => "cooperative";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Cooperatives, ProjectionTables.CooperativeMembers];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, CooperativeState state)
    {
        if (state.Profile is not { } p) yield break;
        yield return ProjectionTables.Cooperatives.Upsert(grainKey, p.Name, p.CountyCode, p.Village, state.UpdatedAt);
        yield return ProjectionTables.CooperativeMembers.DeleteWhere("cooperative_id", grainKey);
        foreach (var m in state.Members)
            yield return ProjectionTables.CooperativeMembers.Upsert(grainKey, m.MemberId, m.Kind.ToString(), m.DisplayName, m.IsFarmer, m.JoinedOn);
    }
}

/// <summary>Whether a cooperative may sell (its admission), so public listing lists can filter in SQL.</summary>
internal sealed class CooperativeAdmissionProjector : StateProjector<CooperativeAdmissionState>
{
    public override string StateName => "cooperative-admission";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.CooperativeAdmissions];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, CooperativeAdmissionState state) =>
        [ProjectionTables.CooperativeAdmissions.Upsert(grainKey, state.Status.ToString(), Domain.Cooperatives.AdmissionLifecycle.MaySell(state.Status))];
}
