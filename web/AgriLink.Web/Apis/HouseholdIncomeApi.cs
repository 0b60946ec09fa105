using AgriLink.Domain.Errors;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Common;
using AgriLink.Grains.Households;
using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// A household's income in a year (防返贫监测's first source), per person against the monitoring line: what the platform
/// recorded and what the household or its area's cadre or officer declared (wages, transfers, other production), with the
/// year's rigid expenses (medical, education, disaster losses). Income is private: the household itself, the cadres and
/// officers of its village, township and county, and operators read and declare it; nobody else, and never on a public page. A caller who may not read a
/// household gets 403 whether or not it exists.
/// </summary>
public static class HouseholdIncomeApi
{
    public static RouteGroupBuilder MapHouseholdIncomeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/households/{id}").WithTags("Households").RequireAuthorization();
        api.MapGet("/income/{year:int}", Income).WithName("GetHouseholdIncome")
            .WithSummary("The year's income by source (recorded and declared), per person against the monitoring line, and its rigid expenses (the household, its area's cadres and officers, operators).");
        api.MapPut("/income/{year:int}/declared", Declare).WithName("DeclareHouseholdIncome")
            .WithSummary("Declare the year's wages, transfers, other production and rigid expenses in fen, replacing the earlier declaration (the household, its area's cadres and officers, operators).");
        return api;
    }

    public static async Task<Results<Ok<HouseholdIncomeView>, ForbidHttpResult>> Income(
        [AsParameters] ApiServices s, string id, int year, IncomeQueries income, MonitoringLines lines, TimeProvider clock)
    {
        if (await Readable(s, id) is not { } household) return TypedResults.Forbid();
        ValidYear(year, clock);
        var recorded = await income.OfHousehold(id, year);
        var figures = recorded.Year(year, household.Profile.People);
        var line = lines.For(household.Profile.CountyCode, year);
        return TypedResults.Ok(new HouseholdIncomeView(id, year, household.Profile.People,
            figures.Income.Select(i => new IncomeLine(i.Key, i.Key.IsPlatform(), i.Value.Fen)).ToList(),
            figures.Total.Fen, figures.PerCapita.Fen,
            line is null ? null : new LineApplied(line.Prefix.Length == 0 ? "national" : line.Prefix, line.Year, line.PerPerson.Fen),
            line is null ? null : figures.IsBelow(line.PerPerson), recorded.LastSale,
            figures.Expenses.Select(e => new ExpenseLine(e.Key, e.Value.Fen)).ToList(), figures.ExpensesTotal.Fen));
    }

    public static async Task<Results<Ok<IncomeDeclaration>, ForbidHttpResult>> Declare(
        [AsParameters] ApiServices s, string id, int year, DeclaredIncome figures, TimeProvider clock)
    {
        if (await Readable(s, id) is null) return TypedResults.Forbid();
        ValidYear(year, clock);
        var key = new HouseholdYearKey(id, year).ToString();
        using var audit = s.Audit.Declare(s.User, "household.income-declared", HouseholdDeclarationGrain.AuditResource, key);
        return TypedResults.Ok(await s.Grains.GetGrain<IHouseholdDeclarationGrain>(key).Declare(figures, s.User.ActorName()));
    }

    /// <summary>
    /// The household when the caller may read (and declare) its income: itself, the cadres and officers whose area holds it
    /// (its village's cadres, its township's and county's officers), operators.
    /// </summary>
    internal static async Task<HouseholdDetails?> Readable(ApiServices s, string id)
    {
        var grain = s.Grains.GetGrain<IHouseholdGrain>(id);
        var direct = s.User.IsPlatformAdmin() || s.User.IsHousehold(id);
        if (!direct && (s.User.MonitoringAreas().Count == 0 || !await grain.Exists())) return null;
        var household = await grain.Get();
        return direct || s.User.WorksOnHousehold(household.Profile.CountyCode, household.Profile.VillageCode) ? household : null;
    }

    private static void ValidYear(int year, TimeProvider clock) => new Validator().Range("year", year, 2014, clock.Today().Year).ThrowIfInvalid();
}

/// <summary>One source's income in fen; <c>platform</c> when the platform recorded it (not declared).</summary>
public sealed record IncomeLine(IncomeSource Source, bool Platform, long Fen);

/// <summary>One kind of rigid expense in fen, as declared.</summary>
public sealed record ExpenseLine(RigidExpense Kind, long Fen);

/// <summary>The monitoring line applied: whose (<c>national</c> or a province code), of which year, per person in fen.</summary>
public sealed record LineApplied(string Authority, int Year, long PerPersonFen);

/// <summary>
/// A household's year: each source, the total and the total per person (rounded down to the fen); the line and whether
/// the household is under it (decided on the total); the last day it sold anything through a cooperative; the declared
/// rigid expenses and their total.
/// </summary>
public sealed record HouseholdIncomeView(
    string HouseholdId, int Year, int People, IReadOnlyList<IncomeLine> Sources, long TotalFen, long PerCapitaFen,
    LineApplied? Line, bool? BelowLine, DateOnly? LastSale, IReadOnlyList<ExpenseLine> Expenses, long ExpensesTotalFen);
