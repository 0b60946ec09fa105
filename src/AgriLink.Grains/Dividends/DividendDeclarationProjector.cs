using AgriLink.Domain.Dividends;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Dividends;

/// <summary>
/// A declaration's row (cooperative, year, status): the dashboard visits only declarations on notice or paid. Once on
/// notice, also its notice row: the totals per rule, the notice period and the assembly's resolution, for the public board.
/// </summary>
internal sealed class DividendDeclarationProjector : StateProjector<DividendDeclarationState>
{
    public override string StateName => "dividend-declaration";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.DividendDeclarations, ProjectionTables.DividendNotices];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, DividendDeclarationState state)
    {
        if (state.Declaration is not { } declaration) return [];
        var key = CooperativeYear.Parse(grainKey);
        var row = ProjectionTables.DividendDeclarations.Upsert(grainKey, key.CooperativeId, (long)key.FiscalYear, declaration.Status.ToString(), (long)state.LineCount);
        if (declaration.Status is not (DeclarationStatus.Publicised or DeclarationStatus.Paid) || state.Totals is not { } t)
            return [row, ProjectionTables.DividendNotices.DeleteWhere("id", grainKey)];
        return [row, ProjectionTables.DividendNotices.Upsert(grainKey, key.CooperativeId, (long)key.FiscalYear, declaration.Status.ToString(),
            declaration.NoticeStart, declaration.NoticeEnd, t.SurplusFen, t.LossesMadeGoodFen, (long)t.ReserveRateBp, t.ReserveFen, (long)t.WelfareRateBp,
            t.WelfareFen, t.DistributableFen, (long)t.TradeReturnRateBp, t.TradePoolFen, t.FloorsPaidFen, t.SecondRoundFen, t.TotalPaidFen,
            (long)state.LineCount, (long)declaration.Objections.Count(o => o.IsOpen), declaration.AssemblyResolution, declaration.PaidOn)];
    }
}
