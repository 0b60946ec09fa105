using System.Globalization;
using System.Text;
using AgriLink.Domain;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Identifiers;
using AgriLink.Domain.Invoices;
using AgriLink.Domain.Orders;
using AgriLink.Domain.Quantities;
using AgriLink.Grains.Invoices;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace AgriLink.Web.Apis;

/// <summary>
/// Monthly invoices (对公转账): a cooperative's admins issue one per buyer and month for its delivered invoice orders
/// and record the bank transfer; the buyer's accounts read theirs. Documents download as CSV (UTF-8 with BOM) or .xlsx.
/// </summary>
public static class InvoicesApi
{
    /// <summary>Issue the month's invoice to a buyer; <c>month</c> is <c>yyyy-MM</c>.</summary>
    public sealed record IssueRequest(string? BuyerId, string? Month);

    /// <summary>The transfer as the bank statement shows it; <c>amountFen</c> must equal the invoice total.</summary>
    public sealed record PaymentRequest(string? BankReference, long? AmountFen, DateOnly? ReceivedOn);

    public static RouteGroupBuilder MapInvoicesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cooperatives/{cooperativeId}/invoices", Issue).WithTags("Invoices").WithName("IssueInvoice")
            .WithSummary("Issue the month's consolidated invoice to a buyer (the cooperative's admins).").RequireAuthorization();
        app.MapGet("/api/cooperatives/{cooperativeId}/invoices", ForCooperative).WithTags("Invoices").WithName("ListCooperativeInvoices")
            .WithSummary("The cooperative's invoices, newest first (its admins or operators).").RequireAuthorization();
        app.MapGet("/api/buyers/{buyerId}/invoices", ForBuyer).WithTags("Invoices").WithName("ListBuyerInvoices")
            .WithSummary("The invoices a buyer received, newest first (the buyer or operators).").RequireAuthorization();

        var api = app.MapGroup("/api/invoices/{number}").WithTags("Invoices").RequireAuthorization();
        api.MapGet("/", Get).WithName("GetInvoice").WithSummary("An invoice (the seller's admins, the buyer, operators).");
        api.MapGet("/document", Document).WithName("GetInvoiceDocument").WithSummary("The invoice as format=csv (UTF-8 with BOM) or format=xlsx.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        api.MapPost("/payment", Pay).WithName("RecordInvoicePayment")
            .WithSummary("Record the bank transfer received for the invoice (the seller's admins or operators).");
        return api;
    }

    public static async Task<Results<Created<Invoice>, Ok<Invoice>, ForbidHttpResult>> Issue(
        [AsParameters] ApiServices s, string cooperativeId, IssueRequest request)
    {
        var v = new Validator().Check(Ids.IsValid(request.BuyerId, Ids.Buyer), "buyerId", "must be a buyer id such as buyer-gzcanteen.");
        var month = default(InvoicePeriod);
        v.Check(InvoicePeriod.TryParse(request.Month, out month), "month", "must be a month written yyyy-MM, e.g. 2026-11.").ThrowIfInvalid();
        if (!s.User.AdministersCooperative(cooperativeId)) return TypedResults.Forbid();

        IssuedInvoice issued;
        // The number is taken in the write that stores the invoice: the book names the new invoice in its audit entry.
        using (s.Audit.DeclareNew(s.User, "invoice.issue", "invoice"))
            issued = await s.Grains.GetGrain<IInvoiceBookGrain>(cooperativeId).Issue(request.BuyerId!, month, s.User.ActorName());
        if (!issued.Created) return TypedResults.Ok(issued.Invoice);
        return TypedResults.Created($"/api/invoices/{issued.Invoice.Number}", issued.Invoice);
    }

    public static async Task<Results<Ok<Invoice>, ForbidHttpResult, NotFound>> Pay([AsParameters] ApiServices s, string number, PaymentRequest request)
    {
        new Validator().Text("bankReference", request.BankReference, 100)
            .Check(request.AmountFen is > 0, "amountFen", "must be the invoice total in fen, more than 0.")
            .Check(request.ReceivedOn is not null, "receivedOn", "is required (yyyy-MM-dd).")
            .ThrowIfInvalid();
        if (!InvoiceNumber.TryParse(number, out var parsed)) return TypedResults.NotFound();
        if (!s.User.AdministersCooperative(parsed.CooperativeId)) return TypedResults.Forbid();

        var book = s.Grains.GetGrain<IInvoiceBookGrain>(parsed.CooperativeId);
        if (await book.Get(number) is null) return TypedResults.NotFound();
        var actor = s.User.AdministeredCooperatives().Contains(parsed.CooperativeId)
            ? new OrderActor(ActorRole.Cooperative, s.User.ActorName(), parsed.CooperativeId)
            : new OrderActor(ActorRole.Platform, s.User.ActorName());
        // Written by the book with the payment (a repeat of a recorded payment changes nothing and writes no entry).
        using var audit = s.Audit.Declare(s.User, "invoice.pay", "invoice", number);
        return TypedResults.Ok(await book.RecordPayment(number,
            new InvoicePaymentReceived(request.BankReference!, request.AmountFen!.Value, request.ReceivedOn!.Value), actor));
    }

    public static async Task<Results<Ok<Invoice>, ForbidHttpResult, NotFound>> Get([AsParameters] ApiServices s, string number) =>
        await Readable(s, number) switch
        {
            (null, true) => TypedResults.NotFound(),
            (null, false) => TypedResults.Forbid(),
            var (invoice, _) => TypedResults.Ok(invoice),
        };

    public static async Task<Results<FileContentHttpResult, ForbidHttpResult, NotFound>> Document([AsParameters] ApiServices s, string number, string? format)
    {
        var xlsx = (format ?? "csv").ToLowerInvariant() switch
        {
            "csv" => false,
            "xlsx" => true,
            _ => throw ValidationFailedException.For("format", "must be csv or xlsx."),
        };
        var (invoice, missing) = await Readable(s, number);
        if (invoice is null) return missing ? TypedResults.NotFound() : TypedResults.Forbid();
        var rows = Rows(invoice);
        return xlsx
            ? TypedResults.File(Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"invoice-{number}.xlsx")
            : TypedResults.File(Csv(rows), "text/csv; charset=utf-8", $"invoice-{number}.csv");
    }

    public static async Task<Results<Ok<Page<InvoiceSummary>>, ForbidHttpResult>> ForCooperative(
        [AsParameters] ApiServices s, [FromServices] InvoiceQueries invoices, string cooperativeId, int? offset, int? limit, string? after = null)
    {
        if (!s.User.AdministersCooperative(cooperativeId)) return TypedResults.Forbid();
        var page = PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await invoices.OfCooperative(cooperativeId, page), page));
    }

    public static async Task<Results<Ok<Page<InvoiceSummary>>, ForbidHttpResult>> ForBuyer(
        [AsParameters] ApiServices s, [FromServices] InvoiceQueries invoices, string buyerId, int? offset, int? limit, string? after = null)
    {
        if (!s.User.IsBuyer(buyerId)) return TypedResults.Forbid();
        var page = PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await invoices.OfBuyer(buyerId, page), page));
    }

    /// <summary>
    /// The invoice if the caller may read it. The seller's admins and operators are known from the number alone; a
    /// buyer account is checked against the invoice. (null, true): no such invoice; (null, false): not the caller's.
    /// </summary>
    private static async Task<(Invoice? Invoice, bool Missing)> Readable(ApiServices s, string number)
    {
        if (!InvoiceNumber.TryParse(number, out var parsed)) return (null, true);
        var seller = s.User.AdministersCooperative(parsed.CooperativeId);
        var buyerIds = s.User.IsInRole(Roles.Buyer) ? s.User.FindAll(AgriLinkClaims.Buyer).Select(c => c.Value).ToList() : [];
        if (!seller && buyerIds.Count == 0) return (null, false);

        var invoice = await s.Grains.GetGrain<IInvoiceBookGrain>(parsed.CooperativeId).Get(number);
        if (invoice is null) return (null, true);
        return seller || buyerIds.Contains(invoice.Buyer.Id) ? (invoice, false) : (null, false);
    }

    /// <summary>The document as rows: a header block (parties, period, date), the lines, then the total in figures and words.</summary>
    private static List<string[]> Rows(Invoice invoice)
    {
        var rows = new List<string[]>
        {
            new[] { "发票号码", invoice.Number, "", "", "", "", "" },
            new[] { "销售方", invoice.Seller.Name, "统一社会信用代码", invoice.Seller.CreditCode ?? "", "", "", "" },
            new[] { "购买方", invoice.Buyer.Name, "统一社会信用代码", invoice.Buyer.CreditCode ?? "", "", "", "" },
            new[] { "所属期间", invoice.Period.ToString(), "开票日期", Date(invoice.IssuedOn), "", "", "" },
            new[] { "订单号", "送达日期", "商品名称", "单位", "数量", "单价（元）", "金额（元）" },
        };
        rows.AddRange(invoice.Lines.Select(l => new[]
        {
            l.OrderId, Date(l.DeliveredOn), l.Title, Units.ChineseName(l.Unit),
            l.Quantity.ToString("0.###", CultureInfo.InvariantCulture), Yuan(l.UnitPriceFen), Yuan(l.AmountFen),
        }));
        rows.Add(["合计（小写）", "", "", "", "", "", Yuan(invoice.TotalFen)]);
        rows.Add(["合计（大写）", invoice.TotalInWords, "", "", "", "", ""]);
        if (invoice.Payment is { } paid)
            rows.Add(["到账", Date(paid.ReceivedOn), "银行流水号", paid.BankReference, "", "", Yuan(paid.AmountFen)]);
        return rows;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Exact: integer fen to a decimal string, never through floating point.
    private static string Yuan(long fen) => Money.FromFen(fen).ToYuanString();

    private static byte[] Csv(List<string[]> rows) => Exports.CsvFile.Write(rows);

    private static byte[] Xlsx(List<string[]> rows)
    {
        // Positional columns: the document is a form, not a table with one header row.
        var table = new System.Data.DataTable("invoice");
        for (var i = 0; i < rows[0].Length; i++) table.Columns.Add(((char)('A' + i)).ToString(), typeof(string));
        foreach (var row in rows) table.Rows.Add(row.Cast<object>().ToArray());
        using var stream = new MemoryStream();
        stream.SaveAs(table, printHeader: false);
        return stream.ToArray();
    }
}
