using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Audit;
using AgriLink.Grains.Common;

namespace AgriLink.Grains.Monitoring;

public sealed class DepartmentImportGrain(
    [PersistentState("department-import", GrainStorage.Main)] IPersistentState<DepartmentImportState> state,
    TimeProvider clock) : Grain, IDepartmentImportGrain
{
    /// <summary>The audited resource type; its id is the import's key.</summary>
    public const string AuditResource = "monitoring-import";

    /// <summary>The most rows a file may have: its preview is one grain's state.</summary>
    public const int MaxRows = 2000;

    private string Id => this.GetPrimaryKeyString();

    public Task<ImportView?> Get() => Task.FromResult(state.State.Import);

    public async Task<ImportView> Stage(ImportFile file, string actor)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (state.State.Import is { } staged) return staged;
        var view = new ImportView(Id, file, actor, clock.Now());
        await state.CommitAsync(new DepartmentImportState { Import = view }, AuditEntries.Changes(AuditResource, Id, null, Summary(view)));
        return view;
    }

    public async Task<ImportView> Confirm(string actor)
    {
        var import = state.State.Import ?? throw new Domain.Errors.NotFoundException(AuditResource, Id);
        if (import.ConfirmedAt is not null) return import;
        var declared = AuditIntent.For(AuditResource, Id);
        var rows = import.File.Rows.ToBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!row.Matched) continue;
            var r = row.Record;
            if (r.Kind == DepartmentDataKind.Assistance)
            {
                // Each row's case id follows from the file and the line, so a confirmation retried after a crash finds it.
                var caseId = $"mc-d-{Id[^16..]}-{r.Line}";
                CaseOpening opening;
                using (declared is null ? null : AuditIntent.Within(declared.Actor, "monitoring-case.open", MonitoringCaseGrain.AuditResource, caseId))
                    opening = await GrainFactory.GetGrain<IHouseholdMonitoringGrain>(row.HouseholdId!).OpenCase(caseId,
                        new OpenCase(row.HouseholdId!, DiscoveryChannel.DepartmentData, $"民政救助 {r.Year}：¥{r.AmountFen / 100m:0.00} {r.Note}".Trim()), CaseRole.CountyOfficer, actor);
                rows[i] = row with { Applied = opening.Opened ? "case" : "case-open", CaseId = opening.Case.Id };
            }
            else
            {
                var key = new HouseholdYearKey(row.HouseholdId!, r.Year).ToString();
                using (declared is null ? null : AuditIntent.Within(declared.Actor, "household.income-imported", HouseholdDeclarationGrain.AuditResource, key))
                    await GrainFactory.GetGrain<IHouseholdDeclarationGrain>(key).AddExpense(
                        r.Kind == DepartmentDataKind.Medical ? RigidExpense.Medical : RigidExpense.DisasterLoss, r.AmountFen, $"import:{Id}:{r.Line}", actor);
                rows[i] = row with { Applied = "expense" };
            }
        }
        var after = import with { File = import.File with { Rows = rows.ToImmutable() }, ConfirmedBy = actor, ConfirmedAt = clock.Now() };
        await state.CommitAsync(new DepartmentImportState { Import = after }, AuditEntries.Changes(AuditResource, Id, Summary(import), Summary(after)));
        return after;
    }

    /// <summary>What the audit keeps of an import: its file, counts and who staged and confirmed it (the rows are in its state).</summary>
    private static object Summary(ImportView v) => new
    {
        v.File.FileName, v.File.Encoding, rows = v.File.Rows.Count, matched = v.MatchedRows, unmatched = v.UnmatchedRows, invalid = v.InvalidRows,
        v.StagedBy, v.ConfirmedBy, applied = v.File.Rows.Count(r => r.Applied is not null),
    };
}
