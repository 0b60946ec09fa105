using AgriLink.Domain.Invoices;
using AgriLink.Grains.Common;
using AgriLink.Grains.Invoices;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The cooperative's monthly invoices through <c>InvoicesApi</c>: the list, issuing a buyer's invoice for a month,
/// recording the bank transfer, and the document as CSV or .xlsx (the API's own download).
/// </summary>
public sealed class InvoicesModel(TimeProvider clock, Grains.Projections.OrderQueries orders, Grains.Projections.InvoiceQueries invoices) : CooperativePage
{
    public IReadOnlyList<InvoiceSummary> Invoices { get; private set; } = [];

    /// <summary>Buyers with delivered invoice orders not yet settled: chosen with one click instead of typing their id.</summary>
    public IReadOnlyList<Grains.Projections.BuyerToInvoice> ToInvoice { get; private set; } = [];

    [BindProperty] public string? BuyerId { get; set; }
    [BindProperty] public string? Month { get; set; } = clock.Now().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? BankReference { get; set; }
    [BindProperty, ProblemField("amountFen")] public string? Amount { get; set; }
    [BindProperty] public DateOnly? ReceivedOn { get; set; }

    public Task OnGetAsync() => Load();

    public async Task<IActionResult> OnPostIssueAsync()
    {
        var coop = await Load();
        Value<Invoice>(await InvoicesApi.Issue(Api, coop, new InvoicesApi.IssueRequest(BuyerId?.Trim(), Month?.Trim())));
        return Redirect($"/cooperative/invoices?coop={Uri.EscapeDataString(coop)}");
    }

    public async Task<IActionResult> OnPostPayAsync()
    {
        var coop = await Load();
        var amountFen = FormValues.Fen(ModelState, T, nameof(Amount), Amount);
        if (!ModelState.IsValid || amountFen is null) return Page();
        Value<Invoice>(await InvoicesApi.Pay(Api, Number ?? "", new InvoicesApi.PaymentRequest(BankReference, amountFen, ReceivedOn)));
        return Redirect($"/cooperative/invoices?coop={Uri.EscapeDataString(coop)}");
    }

    public static string DocumentUrl(string number, string format) => $"/api/invoices/{Uri.EscapeDataString(number)}/document?format={format}";

    private async Task<string> Load()
    {
        var coop = await Cooperative();
        Invoices = Value<Page<InvoiceSummary>>(await InvoicesApi.ForCooperative(Api, invoices, coop, 0, Paging.MaxLimit)).Items;
        ToInvoice = await orders.BuyersToInvoice(coop);
        return coop;
    }
}
