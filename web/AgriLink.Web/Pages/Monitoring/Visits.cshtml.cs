using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using AgriLink.Web.Photos;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Monitoring;

/// <summary>
/// A cadre's visits (走访) from a phone: log one (the household from the cadre's villages, the day, notes, whether it found
/// a risk, which opens a case; an optional photo, attached to the visit once it is logged) and the cadre's own visits newest
/// first (<c>MonitoringVisitsApi</c>: the same checks and audit).
/// </summary>
[RequestSizeLimit(PhotoOptions.DefaultFormLimit), RequestFormLimits(MultipartBodyLengthLimit = PhotoOptions.DefaultFormLimit)]
public sealed class VisitsModel(MonitoringQueries queries, PhotoLibrary photos) : AgriLinkPage
{
    public Page<VisitRow> Visits { get; private set; } = new([], 0, 0, 20);

    /// <summary>The households of the cadre's villages (a township or county officer types the household's id instead).</summary>
    public IReadOnlyList<VillageHousehold> Households { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Before { get; set; }
    [BindProperty, ProblemField("householdId")] public string? HouseholdId { get; set; }
    [BindProperty, ProblemField("visitedOn")] public DateOnly? VisitedOn { get; set; }
    [BindProperty, ProblemField("note")] public string? Note { get; set; }
    [BindProperty] public bool FoundRisk { get; set; }

    /// <summary>The visit just logged (shown above the form), from <c>?logged=</c>.</summary>
    [BindProperty(SupportsGet = true)] public string? Logged { get; set; }

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Load();
        var clock = HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var logged = Value<VisitView>(await MonitoringVisitsApi.Log(Api, clock, new LogVisitRequest(HouseholdId, VisitedOn, Note, FoundRisk)));
        // The visit is kept first: a photo the processing refuses leaves it logged, and its page says why and takes another.
        if (Request.HasFormContentType && Request.Form.Files.GetFile("file") is { Length: > 0 })
            Value<VisitView>(await MonitoringVisitsApi.AttachPhoto(Api, photos, Request, logged.Id, ct));
        return logged.CaseOpened ? Redirect($"/monitoring/cases/{logged.CaseId}") : Redirect($"/monitoring/visits?logged={logged.Id}");
    }

    private async Task Load()
    {
        Visits = Value<Page<VisitRow>>(await MonitoringVisitsApi.Mine(Api, queries, Before, 20));
        if (User.IsInRole(Auth.Roles.VillageCadre))
            Households = Value<IReadOnlyList<VillageHousehold>>(await MonitoringVisitsApi.Visitable(Api, queries, null, 200));
    }
}
