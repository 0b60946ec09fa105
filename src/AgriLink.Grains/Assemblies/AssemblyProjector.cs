using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Assemblies;

/// <summary>An assembly's row and its resolutions' rows (counts and outcomes once closed); never the ballots.</summary>
internal sealed class AssemblyProjector : StateProjector<AssemblyState>
{
    public override string StateName => "assembly";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Assemblies, ProjectionTables.AssemblyResolutions];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, AssemblyState state)
    {
        yield return ProjectionTables.AssemblyResolutions.DeleteWhere("assembly_id", grainKey);
        if (state.Assembly is not { } a) yield break;
        var cooperativeId = AssemblyKey.Parse(grainKey).CooperativeId;
        yield return ProjectionTables.Assemblies.Upsert(grainKey, cooperativeId, a.Title, a.Mode.ToString(), a.Status.ToString(),
            DateOnly.FromDateTime(a.CalledAt.DateTime), a.ClosedAt is { } closed ? DateOnly.FromDateTime(closed.DateTime) : null,
            a.Present is { } present ? (long)present : null, (long)a.Roll.Seats, (long)a.Roll.TotalVotes, a.QuorumNote);
        foreach (var r in a.Resolutions)
            yield return ProjectionTables.AssemblyResolutions.Upsert(grainKey, r.ResolutionId, cooperativeId, r.Subject.ToString(), r.Title,
                r.FiscalYear is { } year ? (long)year : null, r.Outcome?.Passed, r.Count is { } c ? (long)c.Yes : null,
                r.Count is { } n ? (long)n.No : null, r.Count is { } b ? (long)b.Abstain : null, (long)a.Roll.TotalVotes, r.Outcome?.Explanation);
    }
}
