using AgriLink.Grains.Projections;
using AgriLink.Web.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace AgriLink.Web.Pages.Board;

/// <summary>
/// One fiscal fund's disclosure: the fund, its years, and the households holding the shares it formed in its latest
/// distribution on notice or paid, each with what they earned, names masked, 500 a page. Open without signing in.
/// </summary>
[OutputCache(PolicyName = PagesExtensions.BoardCache)]
public sealed class FundModel(FundDisclosureQueries disclosure) : PageModel
{
    public const int HoldersPerPage = 500;

    public DisclosedFund Fund { get; private set; } = null!;
    public int? HoldersYear { get; private set; }
    public IReadOnlyList<FundHolder> Holders { get; private set; } = [];
    public string? NextPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string cooperativeId, string fundId, string? after)
    {
        if (cooperativeId.Length > Apis.RouteIds.MaxLength || fundId.Length > 40 || after is { Length: > 200 }) return NotFound();
        if (await disclosure.Fund(cooperativeId, fundId) is not { } fund) return NotFound();
        Fund = fund;
        if (fund.Earnings.Count > 0)
        {
            HoldersYear = fund.Earnings.Max(e => e.FiscalYear);
            var (page, next) = await disclosure.Holders(cooperativeId, fundId, HoldersYear.Value, after, HoldersPerPage);
            Holders = page;
            if (next is not null) NextPage = $"{FundsModel.PathOf(fund)}?after={Uri.EscapeDataString(next)}";
        }
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }

    public static string Shown(FundHolder holder) => holder.IsPerson ? Domain.Disclosure.NameMask.Mask(holder.Name) : holder.Name;
}
