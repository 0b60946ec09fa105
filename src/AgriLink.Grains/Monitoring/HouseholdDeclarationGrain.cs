using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Common;

namespace AgriLink.Grains.Monitoring;

public sealed class HouseholdDeclarationGrain(
    [PersistentState("household-declaration", GrainStorage.Main)] IPersistentState<HouseholdDeclarationState> state,
    TimeProvider clock) : Grain, IHouseholdDeclarationGrain
{
    /// <summary>The audited resource type; its id is the <see cref="HouseholdYearKey"/>.</summary>
    public const string AuditResource = "household-income";

    private HouseholdYearKey Key => HouseholdYearKey.Parse(this.GetPrimaryKeyString());

    public Task<IncomeDeclaration?> Get() => Task.FromResult(state.State.Declaration);

    public async Task<IncomeDeclaration> Declare(DeclaredIncome figures, string actor)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        figures.Validate();
        var before = state.State.Declaration;
        var after = new IncomeDeclaration(Key.HouseholdId, Key.Year, figures with { Note = figures.Note?.Trim() }, actor, clock.Now());
        await state.CommitAsync(state.State with { Declaration = after },
            AuditEntries.Changes(AuditResource, Key.ToString(), before, after));
        return after;
    }

    public async Task<IncomeDeclaration> AddExpense(RigidExpense kind, long fen, string reference, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (state.State.Imported.Contains(reference)) return state.State.Declaration!;
        var figures = state.State.Declaration?.Figures ?? new DeclaredIncome();
        long Add(long line) => Math.Min(DeclaredIncome.MaxFen, line + Math.Max(0, fen));
        figures = kind switch
        {
            RigidExpense.Medical => figures with { MedicalFen = Add(figures.MedicalFen) },
            RigidExpense.Education => figures with { EducationFen = Add(figures.EducationFen) },
            _ => figures with { DisasterLossFen = Add(figures.DisasterLossFen) },
        };
        var before = state.State.Declaration;
        var after = new IncomeDeclaration(Key.HouseholdId, Key.Year, figures, actor, clock.Now());
        await state.CommitAsync(state.State with { Declaration = after, Imported = state.State.Imported.Add(reference) },
            AuditEntries.Changes(AuditResource, Key.ToString(), before, after));
        return after;
    }
}
