using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Monitoring;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Monitoring;

/// <summary>
/// One monitoring case for the cadres and officers of its village, township and county: the household, its timeline (each
/// step: who, when, why), its measures, and the forms of the steps its stage allows the reader's role there
/// (<c>MonitoringCasesApi.Get</c> and <c>Act</c>: the same checks and audit).
/// </summary>
public sealed class CaseModel : AgriLinkPage
{
    [BindProperty(SupportsGet = true)] public string CaseId { get; set; } = "";

    public CaseView? Found { get; private set; }

    [BindProperty, ProblemField("action")] public CaseAction? Action { get; set; }
    [BindProperty, ProblemField("note"), ProblemField("reason")] public string? Note { get; set; }
    [BindProperty, ProblemField("category")] public MonitoringCategory? Category { get; set; }
    [BindProperty, ProblemField("monthsAboveLine")] public int? MonthsAboveLine { get; set; }
    [BindProperty, ProblemField("kind")] public MeasureKind? Kind { get; set; }
    [BindProperty, ProblemField("description")] public string? Description { get; set; }
    [BindProperty, ProblemField("responsibleCadre")] public string? ResponsibleCadre { get; set; }
    [BindProperty, ProblemField("start")] public DateOnly? Start { get; set; }

    /// <summary>The steps the case's stage allows to the reader's roles on it (its village's cadre, its township's or county's officer).</summary>
    public IEnumerable<CaseAction> NextActions =>
        Found is null ? [] : Enum.GetValues<CaseAction>().Where(a =>
            CaseAccess.RolesOn(User, Found.CountyCode, Found.VillageCode, Found.Case.HouseholdId).Any(r => MonitoringCase.Allows(a, r, Found.Case.Stage)));

    public async Task OnGetAsync() => Found = Value<CaseView>(await MonitoringCasesApi.Get(Api, CaseId));

    public async Task<IActionResult> OnPostAsync()
    {
        Found = Value<CaseView>(await MonitoringCasesApi.Get(Api, CaseId));
        var measure = Action == CaseAction.AddMeasure
            ? new AssistanceMeasure(Kind ?? MeasureKind.Other, Description ?? "", ResponsibleCadre ?? "", Start ?? Today)
            : null;
        Value<CaseView>(await MonitoringCasesApi.Act(Api, CaseId, new CaseStepRequest(Action, Note, Category, measure, MonthsAboveLine)));
        return Redirect($"/monitoring/cases/{CaseId}");
    }
}
