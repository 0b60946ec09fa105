using AgriLink.Domain.Invoices;
using AgriLink.Grains.Invoices;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// A buyer's or a cooperative's invoices, newest first: by issue date, then by number descending (a cooperative's numbers
/// count up as it issues), keyset on both.
/// </summary>
public sealed class InvoiceQueries(AgriLinkDatabase database)
{
    private static readonly NewestFirst Order = new("issued_on", NewestFirst.Sort.Date, "number", IdDescending: true);

    public Task<ListPage<InvoiceSummary>> OfBuyer(string buyerId, PageRequest page) => PageAsync("buyer_id", buyerId, page);

    public Task<ListPage<InvoiceSummary>> OfCooperative(string cooperativeId, PageRequest page) => PageAsync("cooperative_id", cooperativeId, page);

    /// <summary>The cooperative's invoice of that number, whole (null when its book has none).</summary>
    public async Task<Invoice?> Document(string cooperativeId, string number)
    {
        await using var connection = await database.OpenAsync();
        var json = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT document FROM invoice_documents WHERE number = @number AND cooperative_id = @cooperativeId", new { number, cooperativeId });
        return json is null ? null : InvoiceRows.Read(json);
    }

    /// <summary>The credit note issued for an after-sales case, or null.</summary>
    public async Task<CreditNote?> CreditNoteOf(string caseKey)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<CreditNoteRow>(
            "SELECT number AS Number, case_key AS CaseKey, cooperative_id AS CooperativeId, buyer_id AS BuyerId, order_id AS OrderId, " +
            "invoice_number AS InvoiceNumber, amount_fen AS AmountFen, issued_on AS IssuedOn, reason AS Reason FROM credit_notes WHERE case_key = @caseKey",
            new { caseKey });
        return row is null ? null : new CreditNote(row.Number, row.CaseKey, row.CooperativeId, row.BuyerId, row.OrderId, row.InvoiceNumber, row.AmountFen,
            ColumnValues.Date(row.IssuedOn), row.Reason);
    }

    private sealed class CreditNoteRow
    {
        public string Number { get; set; } = "";
        public string CaseKey { get; set; } = "";
        public string CooperativeId { get; set; } = "";
        public string BuyerId { get; set; } = "";
        public string OrderId { get; set; } = "";
        public string? InvoiceNumber { get; set; }
        public long AmountFen { get; set; }
        public object IssuedOn { get; set; } = "";
        public string Reason { get; set; } = "";
    }

    /// <summary>The cooperative's latest invoice to the buyer for the month (its numbers count up as it issues), or null.</summary>
    public async Task<Invoice?> LatestFor(string cooperativeId, string buyerId, InvoicePeriod period)
    {
        await using var connection = await database.OpenAsync();
        var json = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT document FROM invoice_documents WHERE cooperative_id = @cooperativeId AND buyer_id = @buyerId AND period = @period " +
            "ORDER BY number DESC LIMIT 1", new { cooperativeId, buyerId, period = period.ToString() });
        return json is null ? null : InvoiceRows.Read(json);
    }

    private Task<ListPage<InvoiceSummary>> PageAsync(string partyColumn, string partyId, PageRequest page) =>
        Order.PageAsync<InvoiceRow, InvoiceSummary>(database,
            "SELECT number AS Number, cooperative_id AS CooperativeId, seller_name AS SellerName, buyer_id AS BuyerId, buyer_name AS BuyerName, " +
            "period AS Period, issued_on AS IssuedOn, total_fen AS TotalFen, status AS Status, paid_reference AS PaidReference, paid_fen AS PaidFen, " +
            "paid_received_on AS PaidReceivedOn, paid_recorded_by AS PaidRecordedBy, paid_recorded_at AS PaidRecordedAt FROM invoices",
            $"{partyColumn} = @partyId", new DynamicParameters(new { partyId }), page, r => r.ToSummary(), i => (i.IssuedOn, i.Number));

    private sealed class InvoiceRow
    {
        public string Number { get; set; } = "";
        public string CooperativeId { get; set; } = "";
        public string SellerName { get; set; } = "";
        public string BuyerId { get; set; } = "";
        public string BuyerName { get; set; } = "";
        public string Period { get; set; } = "";
        public object IssuedOn { get; set; } = "";
        public long TotalFen { get; set; }
        public string Status { get; set; } = "";
        public string? PaidReference { get; set; }
        public long? PaidFen { get; set; }
        public object? PaidReceivedOn { get; set; }
        public string? PaidRecordedBy { get; set; }
        public object? PaidRecordedAt { get; set; }

        public InvoiceSummary ToSummary() => new(Number, CooperativeId, SellerName, BuyerId, BuyerName, Period, ColumnValues.Date(IssuedOn), TotalFen,
            Enum.Parse<InvoiceStatus>(Status), PaidReference is null
                ? null
                : new InvoicePayment(PaidReference, PaidFen ?? 0, ColumnValues.Date(PaidReceivedOn!), PaidRecordedBy ?? "", Timestamps.China(PaidRecordedAt!)));
    }
}
