using AgriLink.Domain.Monitoring;
using Orleans.Concurrency;

namespace AgriLink.Grains.Monitoring;

/// <summary>
/// A household's declared income and rigid expenses of one year (key: <see cref="HouseholdYearKey"/>), entered by the
/// household, its area's cadre or officer, or a department's import (<see cref="AddExpense"/>). Lists and the income figures read its row in <c>household_declarations</c>.
/// </summary>
[Alias("AgriLink.IHouseholdDeclarationGrain")]
public interface IHouseholdDeclarationGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave] Task<IncomeDeclaration?> Get();

    /// <summary>Replaces the year's declaration (validated first; a refused one changes nothing).</summary>
    [Alias("Declare")] Task<IncomeDeclaration> Declare(DeclaredIncome figures, string actor);

    /// <summary>
    /// Adds a department's figure to the year's medical costs or disaster losses, once per <paramref name="reference"/>
    /// (a file's row): added again, it changes nothing. The line stops at its ceiling (<see cref="DeclaredIncome.MaxFen"/>).
    /// </summary>
    [Alias("AddExpense")] Task<IncomeDeclaration> AddExpense(RigidExpense kind, long fen, string reference, string actor);
}

/// <summary>The year's declaration with who entered it last and when.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.IncomeDeclaration")]
public sealed record IncomeDeclaration(
    [property: Id(0)] string HouseholdId,
    [property: Id(1)] int Year,
    [property: Id(2)] DeclaredIncome Figures,
    [property: Id(3)] string DeclaredBy,
    [property: Id(4)] DateTimeOffset DeclaredAt);
