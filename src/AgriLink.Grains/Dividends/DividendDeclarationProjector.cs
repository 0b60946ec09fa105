using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Dividends;

/// <summary>A declaration's row (cooperative, year, status): the dashboard visits only declarations on notice or paid.</summary>
internal sealed class DividendDeclarationProjector : StateProjector<DividendDeclarationState>
{
    public override string StateName => "dividend-declaration";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.DividendDeclarations];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, DividendDeclarationState state)
    {
        if (state.Declaration is not { } declaration) return [];
        var key = CooperativeYear.Parse(grainKey);
        return [ProjectionTables.DividendDeclarations.Upsert(grainKey, key.CooperativeId, (long)key.FiscalYear, declaration.Status.ToString(), (long)state.LineCount)];
    }
}
