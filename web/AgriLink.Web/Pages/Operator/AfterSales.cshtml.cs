using AgriLink.Domain.AfterSales;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Operator;

/// <summary>The escalated after-sales cases, newest first: an operator decides an amount (0: none) with the reason (through <see cref="AfterSalesApi.Decide"/>, audited).</summary>
public sealed class AfterSalesModel(AfterSalesQueries cases) : AgriLinkPage
{
    public ListPage<AfterSalesRow> Found { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true, Name = "before")] public string? Before { get; set; }

    public async Task OnGetAsync()
    {
        Found = await cases.InStatus(AfterSalesStatus.Escalated, Before, AfterSalesApi.PageSize);
        Names = await CooperativeNames();
    }

    public async Task<IActionResult> OnPostAsync(string orderId, string cooperativeId, string? amount, string? note)
    {
        var fen = Domain.Money.TryParse(amount, out var money) ? money.Fen : -1;
        Value<AfterSalesCase>(await AfterSalesApi.Decide(Api, orderId, cooperativeId, new DecideAfterSalesRequest(fen, note)));
        return Redirect("/operator/aftersales");
    }
}
