using AgriLink.Domain.Assemblies;
using AgriLink.Grains.Assemblies;
using AgriLink.Grains.Common;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The cooperative's member assemblies (成员大会) for its admins, through <see cref="AssembliesApi"/>: the list with each
/// resolution's result (from the projections, newest first), and the form that calls one — online voting until a
/// closing time, or a meeting held in the village whose attendance and hand-count are recorded afterwards.
/// </summary>
public sealed class AssembliesModel(NoticeBoardQueries board, TimeProvider clock) : CooperativePage
{
    /// <summary>Motion rows the form offers; a row without a title is left out.</summary>
    public const int MotionRows = 4;

    public IReadOnlyList<BoardAssembly> Listed { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Before { get; set; }

    [BindProperty, ProblemField("title")] public string? AssemblyTitle { get; set; }
    [BindProperty] public AssemblyMode Mode { get; set; } = AssemblyMode.Held;
    [BindProperty] public DateTime? ClosesAt { get; set; }
    [BindProperty] public bool Representative { get; set; }
    [BindProperty, ProblemField("resolutions")] public List<Motion> Motions { get; set; } = [];

    /// <summary>One motion as typed: what the assembly decides, its wording and, for a distribution plan, the plan's year.</summary>
    public sealed class Motion
    {
        public ResolutionSubject Subject { get; set; } = ResolutionSubject.Other;
        public string? Title { get; set; }
        public int? FiscalYear { get; set; }
    }

    public async Task OnGetAsync()
    {
        await Load();
        // A first motion ready for the most common agenda: last year's distribution plan.
        Motions = [new Motion { Subject = ResolutionSubject.DistributionPlan, FiscalYear = Today.Year - 1 }];
        Motions.AddRange(Enumerable.Range(1, MotionRows - 1).Select(_ => new Motion()));
        ClosesAt = clock.Now().DateTime.Date.AddDays(8).AddHours(18);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var coop = await Load();
        if (!ModelState.IsValid) return Refill();
        var drafts = Motions.Where(m => !string.IsNullOrWhiteSpace(m.Title))
            .Select(m => new ResolutionDraft(m.Subject, m.Title, m.Subject == ResolutionSubject.DistributionPlan ? m.FiscalYear : null))
            .ToList();
        // The time is typed as China time (the platform's clock), whatever the server's zone.
        DateTimeOffset? closes = ClosesAt is { } local && Mode == AssemblyMode.Online
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(8))
            : null;
        var called = Value<AssemblyView>(await AssembliesApi.Call(Api, clock, coop, new CallAssembly(AssemblyTitle, Mode, drafts, closes, Representative)));
        return Redirect($"/cooperative/assemblies/{AssemblyKey.Parse(called.Assembly.AssemblyId).AssemblyId}?coop={Uri.EscapeDataString(coop)}");
    }

    /// <summary>A refused form keeps what was typed, with blank rows up to the form's size.</summary>
    private PageResult Refill()
    {
        Motions.AddRange(Enumerable.Range(0, Math.Max(0, MotionRows - Motions.Count)).Select(_ => new Motion()));
        return Page();
    }

    private async Task<string> Load()
    {
        var coop = await Cooperative();
        if (Before is { Length: > RouteIds.MaxLength }) Before = null;
        Listed = Value<IReadOnlyList<BoardAssembly>>(await AssembliesApi.List(Api, board, coop, Before));
        return coop;
    }

    /// <summary>The meeting's id within its cooperative (the projections key it by cooperative and meeting).</summary>
    public static string MeetingId(BoardAssembly a) => a.Id[(a.Id.LastIndexOf(':') + 1)..];
}
