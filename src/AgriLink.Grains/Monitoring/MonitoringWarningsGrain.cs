using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Audit;
using AgriLink.Grains.Common;
using AgriLink.Grains.Projections;
using Microsoft.Extensions.Options;

namespace AgriLink.Grains.Monitoring;

/// <summary>
/// Runs the warning rules over one county's households, a page at a time from the projections. The year judged is the
/// last whole year (this year so far would put every household under the line in January), against the year before; a
/// household with no figure at all for it (nothing recorded, nothing declared) is not judged on income, since nothing
/// is known. A household with an open case gets no second one.
/// </summary>
public sealed class MonitoringWarningsGrain(
    MonitoringQueries cases, IncomeQueries income, MonitoringLines lines, IOptions<MonitoringOptions> options, TimeProvider clock)
    : Grain, IMonitoringWarningsGrain, IRemindable
{
    private const string Reminder = "warnings";
    private const int PageSize = 200;
    public const string Actor = "platform (warnings)";

    private string County => this.GetPrimaryKeyString();

    public async Task Schedule()
    {
        if (await this.GetReminder(Reminder) is null)
            await this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(10), TimeSpan.FromDays(1));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Reminder) await Run();
    }

    public async Task<WarningRun> Run()
    {
        var today = clock.Today();
        var year = today.Year - 1;
        var (households, warnings, opened) = (0, 0, new List<string>());
        for (string? after = null; ;)
        {
            var page = await cases.HouseholdsOf(County, after, PageSize);
            foreach (var h in page)
            {
                households++;
                var (found, known) = await Evaluate(h, year, today);
                warnings += found.Count;
                var open = await cases.OpenCaseOf(h.Id);
                if (open is not null && known.Count > 0) await RecordIncomes(open, known);
                // The projection spares asking the households with a case open; the household's grain decides the rest.
                if (found.Count == 0 || open is not null) continue;
                var warning = found[0];
                var id = $"mc-w-{h.Id}-{warning.Code}-{warning.Year}";
                var grain = GrainFactory.GetGrain<IMonitoringCaseGrain>(id);
                if (await grain.Get() is not null) continue;   // raised before and since closed: once per household, warning and year
                using (AuditIntent.Within(Actor, "monitoring-case.open", MonitoringCaseGrain.AuditResource, id))
                {
                    var opening = await GrainFactory.GetGrain<IHouseholdMonitoringGrain>(h.Id).OpenCase(id,
                        new OpenCase(h.Id, DiscoveryChannel.PlatformWarning, Reason(found), warning), CaseRole.Platform, Actor);
                    if (opening.Opened) opened.Add(id);
                }
            }
            if (page.Count < PageSize) break;
            after = page[^1].Id;
        }
        return new WarningRun(County, households, warnings, opened);
    }

    /// <summary>The household's warnings, and its per-capita income of the year judged and the year before where anything is known (with each year's line).</summary>
    private async Task<(IReadOnlyList<RiskWarning> Warnings, IReadOnlyList<MonitoredYearIncome> Known)> Evaluate(HouseholdRow h, int year, DateOnly today)
    {
        if (lines.For(County, year) is not { } line) return ([], []);
        var thisYear = await income.OfHousehold(h.Id, year);
        var lastYear = await income.OfHousehold(h.Id, year - 1);
        var figures = thisYear.Year(year, Math.Max(h.People, 1));
        var before = lastYear.Year(year - 1, Math.Max(h.People, 1));
        var known = figures.Total.Fen != 0 || figures.ExpensesTotal.Fen != 0;
        var input = new WarningInput(h.Status, figures, before, line, thisYear.LastSale, today);
        var warnings = RiskWarnings.Evaluate(input, options.Value.Warnings).Where(w => known || w.Code == "platform-income-stopped").ToList();
        var incomes = new List<MonitoredYearIncome>();
        if (before.Total.Fen != 0 && lines.For(County, year - 1) is { } earlier)
            incomes.Add(new(year - 1, before.PerCapita.Fen, earlier.PerPerson.Fen));
        if (figures.Total.Fen != 0) incomes.Add(new(year, figures.PerCapita.Fen, line.PerPerson.Fen));
        return (warnings, incomes);
    }

    /// <summary>A confirmed case keeps its household's incomes for the dashboards (the case decides whether it is confirmed).</summary>
    private async Task RecordIncomes(string caseId, IReadOnlyList<MonitoredYearIncome> incomes)
    {
        var grain = GrainFactory.GetGrain<IMonitoringCaseGrain>(caseId);
        foreach (var i in incomes) await grain.RecordIncome(i.Year, i.PerCapitaFen, i.LineFen);
    }

    /// <summary>The case's opening note: each warning with its figures, as the cadre will read it.</summary>
    private static string Reason(IReadOnlyList<RiskWarning> warnings) =>
        string.Join("; ", warnings.Select(w => $"{w.Code} {w.Year}: " + string.Join(", ", w.Figures.Select(f => $"{f.Key}={f.Value}"))));
}
