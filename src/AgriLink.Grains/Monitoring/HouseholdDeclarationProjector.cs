using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Monitoring;

/// <summary>A household's declared year as one row, which the income figures and the warnings read beside the platform's own.</summary>
internal sealed class HouseholdDeclarationProjector : StateProjector<HouseholdDeclarationState>
{
    public override string StateName => "household-declaration";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.HouseholdDeclarations];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, HouseholdDeclarationState state) =>
        state.Declaration is { Figures: var f } d
            ? [ProjectionTables.HouseholdDeclarations.Upsert(grainKey, d.HouseholdId, (long)d.Year, f.WagesFen, f.TransfersFen, f.OtherProductionFen,
                f.MedicalFen, f.EducationFen, f.DisasterLossFen, d.DeclaredBy, d.DeclaredAt)]
            : [];
}
