using AgriLink.Domain.Assemblies;
using AgriLink.Grains.Assemblies;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// One member assembly for the cooperative's admins, through <see cref="AssembliesApi"/>: the agenda, the roll shown to
/// the assembly (seats, who holds additional votes and how many, and how the cap is shared), the turnout against the
/// quorum; then the record of a held meeting (attendance from the signed sheet, the hand-count per resolution, the
/// minutes, and photos of the signed sheet) or the close of online voting, and the results with the rule that decided
/// each. The admins see how many have voted, never how: the ballots are the supervisors' to audit.
/// </summary>
public sealed class AssemblyModel(TimeProvider clock) : CooperativePage
{
    public AssemblyView View { get; private set; } = null!;
    public Assembly Meeting => View.Assembly;

    /// <summary>Ballots received so far (online voting), for the turnout.</summary>
    public int? Ballots { get; private set; }

    public IReadOnlyDictionary<string, string> MemberNames { get; private set; } = new Dictionary<string, string>();

    public bool VotingEnded => Meeting.ClosesAt is { } end && clock.GetUtcNow() >= end;

    [BindProperty] public int? Present { get; set; }
    [BindProperty, ProblemField("counts"), ProblemField("yes"), ProblemField("no"), ProblemField("abstain")]
    public List<Count> Counts { get; set; } = [];
    [BindProperty] public string? Minutes { get; set; }

    /// <summary>The hand-count of one resolution, in the agenda's order.</summary>
    public sealed class Count
    {
        public int Yes { get; set; }
        public int No { get; set; }
        public int Abstain { get; set; }
    }

    public async Task OnGetAsync(string assemblyId)
    {
        await Load(assemblyId);
        Counts = Meeting.Resolutions.Select(_ => new Count()).ToList();
    }

    public async Task<IActionResult> OnPostHeldAsync(string assemblyId)
    {
        var coop = await Load(assemblyId);
        if (!ModelState.IsValid) return Page();
        // Each row answers the resolution in the same place of the agenda; a missing row is the API's to refuse.
        var counts = Meeting.Resolutions.Zip(Counts)
            .ToDictionary(p => p.First.ResolutionId, p => new ResolutionCount(p.Second.Yes, p.Second.No, p.Second.Abstain), StringComparer.Ordinal);
        Value<AssemblyView>(await AssembliesApi.RecordHeld(Api, coop, assemblyId, new HeldMeeting(Present ?? -1, counts, Minutes)));
        return Back(coop, assemblyId);
    }

    public async Task<IActionResult> OnPostSheetAsync(string assemblyId, CancellationToken ct)
    {
        var coop = await Load(assemblyId);
        var photos = HttpContext.RequestServices.GetRequiredService<Photos.PhotoLibrary>();
        Value<AssemblyView>(await AssembliesApi.AddSheetPhoto(Api, photos, Request, coop, assemblyId, ct));
        return Back(coop, assemblyId, "#sheet");
    }

    public async Task<IActionResult> OnPostDeleteSheetAsync(string assemblyId, string photoId)
    {
        var coop = await Load(assemblyId);
        var photos = HttpContext.RequestServices.GetRequiredService<Photos.PhotoLibrary>();
        Value<AssemblyView>(await AssembliesApi.RemoveSheetPhoto(Api, photos, coop, assemblyId, photoId));
        return Back(coop, assemblyId, "#sheet");
    }

    public async Task<IActionResult> OnPostCloseAsync(string assemblyId)
    {
        var coop = await Load(assemblyId);
        Value<AssemblyView>(await AssembliesApi.Close(Api, coop, assemblyId));
        return Back(coop, assemblyId);
    }

    private RedirectResult Back(string coop, string assemblyId, string fragment = "") =>
        Redirect($"/cooperative/assemblies/{Uri.EscapeDataString(assemblyId)}?coop={Uri.EscapeDataString(coop)}{fragment}");

    private async Task<string> Load(string assemblyId)
    {
        var coop = await Cooperative();
        if (!RouteIds.IsWellFormed(assemblyId) || assemblyId.Contains(':')) throw new PageProblemException(new ProblemDetails { Status = 404 });
        View = Value<AssemblyView>(await AssembliesApi.Get(Api, coop, assemblyId));
        Ballots = View.Turnout;
        MemberNames = await MemberNamesOf(coop);
        return coop;
    }
}
