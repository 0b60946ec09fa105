using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Monitoring;

/// <summary>
/// What the household or its cadre declares for a year, in fen: the income the platform cannot see (wages, transfers,
/// other production) and the large rigid expenses (medical, education, disaster losses). A declaration replaces the
/// year's earlier one whole, so sending it again changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DeclaredIncome")]
public sealed record DeclaredIncome(
    [property: Id(0)] long WagesFen = 0,
    [property: Id(1)] long TransfersFen = 0,
    [property: Id(2)] long OtherProductionFen = 0,
    [property: Id(3)] long MedicalFen = 0,
    [property: Id(4)] long EducationFen = 0,
    [property: Id(5)] long DisasterLossFen = 0,
    [property: Id(6)] string? Note = null)
{
    /// <summary>¥10,000,000 a line: far above any household's year, low enough that no sum of lines overflows.</summary>
    public const long MaxFen = 1_000_000_000;

    public void Validate() =>
        new Validator()
            .Range("wagesFen", WagesFen, 0, MaxFen)
            .Range("transfersFen", TransfersFen, 0, MaxFen)
            .Range("otherProductionFen", OtherProductionFen, 0, MaxFen)
            .Range("medicalFen", MedicalFen, 0, MaxFen)
            .Range("educationFen", EducationFen, 0, MaxFen)
            .Range("disasterLossFen", DisasterLossFen, 0, MaxFen)
            .Text("note", Note, 500, required: false)
            .ThrowIfInvalid();

    public IEnumerable<(IncomeSource Source, long Fen)> Income =>
        [(IncomeSource.Wages, WagesFen), (IncomeSource.Transfers, TransfersFen), (IncomeSource.OtherProduction, OtherProductionFen)];

    public IEnumerable<(RigidExpense Kind, long Fen)> Expenses =>
        [(RigidExpense.Medical, MedicalFen), (RigidExpense.Education, EducationFen), (RigidExpense.DisasterLoss, DisasterLossFen)];

    /// <summary>The year with these declared sources and expenses added (a line of zero is left out).</summary>
    public HouseholdIncome AddTo(HouseholdIncome year)
    {
        foreach (var (source, fen) in Income)
            if (fen != 0) year = year.With(source, Money.FromFen(fen));
        foreach (var (kind, fen) in Expenses)
            if (fen != 0) year = year.With(kind, Money.FromFen(fen));
        return year;
    }
}
