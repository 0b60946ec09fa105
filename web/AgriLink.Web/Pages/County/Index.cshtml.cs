using AgriLink.Domain.Codes;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.County;

/// <summary>
/// A county office's workspace: its county's cooperatives with their platform admission (from the projections, a page at
/// a time), those that applied first, and for each application a recommendation or a decline with its note
/// (<c>AdmissionApi.Recommend</c>/<c>Decline</c>: the same per-object checks and audit as the API).
/// </summary>
public sealed class IndexModel(DirectoryQueries directory) : AgriLinkPage
{
    public const int PageSize = 50;

    public string CountyCode { get; private set; } = "";
    public string CountyName { get; private set; } = "";
    public IReadOnlyList<DirectoryEntry> Awaiting { get; private set; } = [];
    public IReadOnlyList<DirectoryEntry> Cooperatives { get; private set; } = [];
    public int Total { get; private set; }
    public string? Next { get; private set; }

    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty] public string? CooperativeId { get; set; }
    [BindProperty, ProblemField("note"), ProblemField("reason")] public string? Note { get; set; }

    public async Task OnGetAsync() => await Load();

    public Task<IActionResult> OnPostRecommendAsync() =>
        Act(async () => await AdmissionApi.Recommend(Api, CooperativeId ?? "", new AdmissionNoteRequest(Note)));

    public Task<IActionResult> OnPostDeclineAsync() =>
        Act(async () => await AdmissionApi.Decline(Api, CooperativeId ?? "", new AdmissionRejectRequest(Note)));

    private async Task<IActionResult> Act(Func<Task<IResult>> step)
    {
        await Load();
        Value<CooperativeAdmission>(await step());
        return Redirect("/county");
    }

    private async Task Load()
    {
        CountyCode = User.OfficerCounties().FirstOrDefault()
            ?? throw new PageProblemException(new ProblemDetails { Status = 403 });
        CountyName = Regions.TryGetCounty(CountyCode, out var county) ? county!.Name : CountyCode;
        var page = await directory.CooperativeAdmissions(CountyCode, null, new PageRequest(0, PageSize, After));
        Cooperatives = page.Items;
        Total = page.Total;
        Next = page.Next;
        // The applications waiting for the county come first, whichever page of the list is open.
        Awaiting = (await directory.CooperativeAdmissions(CountyCode, nameof(Domain.Cooperatives.AdmissionStatus.Applied),
            new PageRequest(0, PageRequest.MaxLimit, null))).Items;
    }
}
