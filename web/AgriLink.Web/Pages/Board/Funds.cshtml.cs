using AgriLink.Domain.Codes;
using AgriLink.Grains.Projections;
using AgriLink.Web.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace AgriLink.Web.Pages.Board;

/// <summary>
/// A county's fiscal-fund disclosure (资金变股金公示), open without signing in: each fiscal fund quantified into a
/// cooperative's shares — its source and document number, amount, year, the cooperative and village, and what its shares
/// earned in each distribution on notice or paid — 50 a page by id. From the projections only, cached like the boards.
/// </summary>
[OutputCache(PolicyName = PagesExtensions.BoardCache)]
public sealed class FundsModel(FundDisclosureQueries disclosure) : PageModel
{
    public const int PageSize = 50;

    public string CountyCode { get; private set; } = "";
    public string CountyName { get; private set; } = "";
    public IReadOnlyList<DisclosedFund> Funds { get; private set; } = [];
    public string? NextPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string countyCode, string? after)
    {
        if (countyCode.Length != 6 || !Regions.TryGetCounty(countyCode, out var county) || after is { Length: > 200 }) return NotFound();
        (CountyCode, CountyName) = (countyCode, county!.Name);
        var (page, next) = await disclosure.CountyFunds(countyCode, after, PageSize);
        Funds = page;
        if (next is not null) NextPage = $"/board/funds/{countyCode}?after={Uri.EscapeDataString(next)}";
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }

    /// <summary>The address of one fund's disclosure.</summary>
    public static string PathOf(DisclosedFund fund) =>
        $"/board/{Uri.EscapeDataString(fund.CooperativeId)}/funds/{Uri.EscapeDataString(fund.FundId)}";
}
