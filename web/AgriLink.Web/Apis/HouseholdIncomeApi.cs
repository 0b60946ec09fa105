using AgriLink.Domain;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Common;
using AgriLink.Grains.Households;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// A household's income in a year as the platform recorded it (防返贫监测's first source), per person against the
/// monitoring line. Income is private: the household itself, the officers of its county and operators read it; nobody
/// else, and never on a public page. A caller who may not read a household gets 403 whether or not it exists.
/// </summary>
public static class HouseholdIncomeApi
{
    public static RouteGroupBuilder MapHouseholdIncomeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/households/{id}").WithTags("Households").RequireAuthorization();
        api.MapGet("/income/{year:int}", Income).WithName("GetHouseholdIncome")
            .WithSummary("The year's income the platform recorded, by source, per person against the monitoring line (the household, its county's officers, operators).");
        return api;
    }

    public static async Task<Results<Ok<HouseholdIncomeView>, ForbidHttpResult>> Income(
        [AsParameters] ApiServices s, string id, int year, IncomeQueries income, MonitoringLines lines, TimeProvider clock)
    {
        var grain = s.Grains.GetGrain<IHouseholdGrain>(id);
        var direct = s.User.IsPlatformAdmin() || s.User.IsHousehold(id);
        if (!direct && (s.User.OfficerCounties().Count == 0 || !await grain.Exists())) return TypedResults.Forbid();
        var household = await grain.Get();
        if (!direct && !s.User.ActsForCounty(household.Profile.CountyCode)) return TypedResults.Forbid();

        var thisYear = clock.Today().Year;
        new Validator().Range("year", year, 2014, thisYear).ThrowIfInvalid();
        var recorded = await income.OfHousehold(id, year);
        var figures = HouseholdIncome.Empty(year, household.Profile.People)
            .With(IncomeSource.MemberTrade, Money.FromFen(recorded.MemberTradeFen))
            .With(IncomeSource.Dividends, Money.FromFen(recorded.DividendsPaidFen));
        var line = lines.For(household.Profile.CountyCode, year);
        return TypedResults.Ok(new HouseholdIncomeView(id, year, household.Profile.People,
            figures.Income.Select(i => new IncomeLine(i.Key, i.Key.IsPlatform(), i.Value.Fen)).ToList(),
            figures.Total.Fen, figures.PerCapita.Fen,
            line is null ? null : new LineApplied(line.Prefix.Length == 0 ? "national" : line.Prefix, line.Year, line.PerPerson.Fen),
            line is null ? null : figures.IsBelow(line.PerPerson), recorded.LastSale));
    }
}

/// <summary>One source's income in fen; <c>platform</c> when the platform recorded it (not declared).</summary>
public sealed record IncomeLine(IncomeSource Source, bool Platform, long Fen);

/// <summary>The monitoring line applied: whose (<c>national</c> or a province code), of which year, per person in fen.</summary>
public sealed record LineApplied(string Authority, int Year, long PerPersonFen);

/// <summary>
/// A household's year: each source, the total and the total per person (rounded down to the fen); the line and whether
/// the household is under it (decided on the total); the last day it sold anything through a cooperative.
/// </summary>
public sealed record HouseholdIncomeView(
    string HouseholdId, int Year, int People, IReadOnlyList<IncomeLine> Sources, long TotalFen, long PerCapitaFen,
    LineApplied? Line, bool? BelowLine, DateOnly? LastSale);
