using AgriLink.Domain.AfterSales;
using AgriLink.Grains.AfterSales;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The cooperative's after-sales queue (售后), newest first: each request with the forms to accept it, propose an amount or
/// refuse it with a note (through <see cref="AfterSalesApi.Answer"/>); answered cases show where they stand.
/// </summary>
public sealed class AfterSalesModel(AfterSalesQueries cases) : CooperativePage
{
    public ListPage<AfterSalesRow> Found { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "before")] public string? Before { get; set; }

    public async Task OnGetAsync()
    {
        var coop = await Cooperative();
        Found = await cases.OfCooperative(coop, Before, AfterSalesApi.PageSize);
        LiveRefreshOn.Add("aftersales.changed");
        LiveTopics.Add($"coop:{coop}");
    }

    public async Task<IActionResult> OnPostAsync(string orderId, AfterSalesAnswer answer, string? amount, string? note)
    {
        var coop = await Cooperative();
        long? fen = answer == AfterSalesAnswer.Propose ? Domain.Money.TryParse(amount, out var money) ? money.Fen : 0 : null;
        Value<AfterSalesCase>(await AfterSalesApi.Answer(Api, orderId, coop, new AnswerAfterSalesRequest(answer, fen, note)));
        return Redirect($"/cooperative/aftersales?coop={Uri.EscapeDataString(coop)}");
    }
}
