using AgriLink.Domain.Dividends;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Dividends;

/// <summary>
/// A declaration's lines, from the inputs of its current computation and the charter they were computed under (the
/// distributor is deterministic, so these are the lines the grain pays). Inputs stored before the charter was kept
/// beside them give no lines until the grain stores them again (<see cref="DividendLinesUpgrade"/>).
/// </summary>
internal sealed class DividendLinesProjector : StateProjector<DividendInputsState>
{
    public override string StateName => "dividend-inputs";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.DividendLines, ProjectionTables.DividendDigests, ProjectionTables.FundDividends];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, DividendInputsState state)
    {
        yield return ProjectionTables.DividendLines.DeleteWhere("declaration_id", grainKey);
        yield return ProjectionTables.DividendDigests.DeleteWhere("declaration_id", grainKey);
        yield return ProjectionTables.FundDividends.DeleteWhere("declaration_id", grainKey);
        if (state.Inputs is not { } inputs || state.Charter is not { } charter) yield break;
        var lines = SurplusDistributor.Distribute(charter, inputs).Lines;
        foreach (var line in lines)
            yield return ProjectionTables.DividendLines.Upsert(grainKey, line.ShareholderId, line.PaidFen, line.OwedFen);
        yield return ProjectionTables.DividendDigests.Upsert(grainKey, (long)lines.Count,
            Domain.Disclosure.NoticeDigest.Lines(lines.Select(l => (l.ShareholderId, l.PaidFen, l.OwedFen))));
        // What each fiscal-fund holding earned (资金变股金): its floor, its share of the second round, and any floor still owed.
        var key = CooperativeYear.Parse(grainKey);
        foreach (var line in lines)
            foreach (var holding in line.Components
                         .Where(c => c is { HoldingId: not null, Basis: { ShareClass: Domain.Shares.ShareClass.FiscalFund, FundId: not null } })
                         .GroupBy(c => (HoldingId: c.HoldingId!, FundId: c.Basis.FundId!)))
                yield return ProjectionTables.FundDividends.Upsert(grainKey, holding.Key.HoldingId, key.CooperativeId, holding.Key.FundId,
                    (long)key.FiscalYear, line.ShareholderId, holding.Where(c => c.IsPaid).Sum(c => c.AmountFen),
                    holding.Where(c => !c.IsPaid).Sum(c => c.AmountFen));
    }
}
