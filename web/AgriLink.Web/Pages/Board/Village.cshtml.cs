using AgriLink.Grains.Projections;
using AgriLink.Web.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace AgriLink.Web.Pages.Board;

/// <summary>
/// A village's public notice board (村务公开栏), open without signing in: each cooperative of the village with its latest
/// distribution plan on notice (totals, the notice period, whether the assembly passed it) and its latest assemblies'
/// resolutions with their votes, each linking to the cooperative's own board for every line. From the projections only,
/// in a fixed number of queries whatever the number of cooperatives, cached for a minute like the cooperative's board.
/// </summary>
[OutputCache(PolicyName = PagesExtensions.BoardCache)]
public sealed class VillageModel(NoticeBoardQueries board, FundDisclosureQueries disclosure) : PageModel
{
    /// <summary>Assemblies shown per cooperative; the cooperative's board has the rest.</summary>
    public const int AssembliesPerCooperative = 3;

    /// <summary>Cooperatives per page: a village usually has one to a few (村社合一); a page more follows a link.</summary>
    public const int PageSize = 20;

    public string Village { get; private set; } = "";
    public IReadOnlyList<BoardCooperative> Cooperatives { get; private set; } = [];
    public int Total { get; private set; }
    /// <summary>The next page's address, when the village has more cooperatives than this page shows.</summary>
    public string? NextPage { get; private set; }
    public IReadOnlyDictionary<string, BoardNotice> Notices { get; private set; } = new Dictionary<string, BoardNotice>();
    public ILookup<string, BoardAssembly> Assemblies { get; private set; } = Array.Empty<BoardAssembly>().ToLookup(a => a.Id);

    /// <summary>Fiscal funds shown on the village's board (资金变股金); the county's disclosure has every one.</summary>
    public const int FundsShown = 20;

    public string CountyCode { get; private set; } = "";
    public IReadOnlyList<DisclosedFund> Funds { get; private set; } = [];

    /// <summary>What the village collectives received from the village's cooperatives' distributions, per year (三变 income).</summary>
    public IReadOnlyList<(int Year, long PaidFen)> CollectiveIncome { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string countyCode, string village, string? after)
    {
        if (countyCode.Length != 6 || !countyCode.All(char.IsAsciiDigit) || village.Length is 0 or > 50 || after is { Length: > 100 }) return NotFound();
        var (page, more, total) = await board.VillageCooperatives(countyCode, village, after, PageSize);
        if (total == 0) return NotFound();
        (Cooperatives, Total, Village) = (page, total, village);
        if (more) NextPage = $"/board/village/{countyCode}/{Uri.EscapeDataString(village)}?after={Uri.EscapeDataString(page[^1].Id)}";
        var ids = Cooperatives.Select(c => c.Id).ToList();
        Notices = (await board.LatestNotices(ids)).ToDictionary(n => n.CooperativeId, n => n.Notice, StringComparer.Ordinal);
        Assemblies = (await board.LatestAssemblies(ids, AssembliesPerCooperative)).ToLookup(a => a.Id[..a.Id.LastIndexOf(':')], StringComparer.Ordinal);
        CountyCode = countyCode;
        Funds = await disclosure.VillageFunds(countyCode, village, FundsShown);
        CollectiveIncome = await disclosure.CollectiveIncome(countyCode, village);
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }

    /// <summary>The address of a village's board.</summary>
    public static string PathOf(BoardCooperative cooperative) =>
        $"/board/village/{cooperative.CountyCode}/{Uri.EscapeDataString(cooperative.Village)}";
}
