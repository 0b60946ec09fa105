using AgriLink.Domain.Disclosure;
using AgriLink.Grains.Projections;
using AgriLink.Web.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace AgriLink.Web.Pages.Board;

/// <summary>
/// A cooperative's public notice board (公示栏), open without signing in: the distribution plan on notice (totals, the
/// rule per component, every shareholder's line with a person's name masked), the notice period and how to object,
/// the member assemblies' resolutions with their votes, and the archive of past notices. From the projections only, in
/// one request, cached for a minute.
/// </summary>
[OutputCache(PolicyName = PagesExtensions.BoardCache)]
public sealed class IndexModel(NoticeBoardQueries board, FundDisclosureQueries disclosure) : PageModel
{
    public const int LinesPerPage = 500;

    public BoardCooperative Cooperative { get; private set; } = null!;
    public IReadOnlyList<BoardNotice> Notices { get; private set; } = [];
    public BoardNotice? Notice { get; private set; }
    public BoardLines Lines { get; private set; } = new([], null);
    public IReadOnlyList<BoardAssembly> Assemblies { get; private set; } = [];

    /// <summary>The fiscal funds quantified into the cooperative's shares (资金变股金), each linking to its disclosure.</summary>
    public IReadOnlyList<DisclosedFund> Funds { get; private set; } = [];

    /// <summary>The notice's check code (公示内容校验码), printed on its PDF too; null while its lines are not projected yet.</summary>
    public string? CheckCode { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public async Task<IActionResult> OnGetAsync(string cooperativeId)
    {
        if (cooperativeId.Length > Apis.RouteIds.MaxLength || await board.Cooperative(cooperativeId) is not { } cooperative) return NotFound();
        Cooperative = cooperative;
        Notices = await board.Notices(cooperativeId);
        Notice = Year is { } year ? Notices.FirstOrDefault(n => n.FiscalYear == year) : Notices.FirstOrDefault();
        if (Year is not null && Notice is null) return NotFound();
        if (Notice is not null)
        {
            Lines = await board.Lines(Notice.DeclarationId, cooperativeId, After is { Length: <= 100 } after ? after : null, LinesPerPage);
            CheckCode = await board.CheckCode(cooperativeId, Notice);
        }
        Assemblies = await board.Assemblies(cooperativeId, 10);
        Funds = await disclosure.CooperativeFunds(cooperativeId, 20);
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }

    /// <summary>A person's name masked (李*福); an organisation's (the village collective, an investing company) as registered.</summary>
    public static string Shown(BoardLine line) => line.IsPerson ? NameMask.Mask(line.Name) : line.Name;

    public static string Yuan(long fen) => Domain.Money.FromFen(fen).ToYuanString();

    public static string Percent(int bp) => (bp / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
