using System.Globalization;
using AgriLink.Domain.AfterSales;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>A case as the lists show it; <c>Next</c> of a page is the last row's sort key.</summary>
public sealed record AfterSalesRow(
    string Id, string OrderId, string CooperativeId, string BuyerId, AfterSalesStatus Status, long PaidFen, long RequestedFen, long? ProposedFen,
    long? AgreedFen, bool ByCard, string Reason, string? RefundReference, DateTimeOffset RequestedAt, string SortKey);

/// <summary>
/// After-sales cases from <c>aftersales_cases</c>, newest first by sort key, keyset paged (<c>?before=</c>): a buyer's
/// cases, a cooperative's queue, and the cases in one status (the operator's escalations).
/// </summary>
public sealed class AfterSalesQueries(AgriLinkDatabase database)
{
    public Task<ListPage<AfterSalesRow>> OfBuyer(string buyerId, string? before, int limit) => Page("buyer_id = @value", buyerId, before, limit);

    public Task<ListPage<AfterSalesRow>> OfCooperative(string cooperativeId, string? before, int limit) => Page("cooperative_id = @value", cooperativeId, before, limit);

    public Task<ListPage<AfterSalesRow>> InStatus(AfterSalesStatus status, string? before, int limit) => Page("status = @value", status.ToString(), before, limit);

    private async Task<ListPage<AfterSalesRow>> Page(string where, string value, string? before, int limit)
    {
        var parameters = new DynamicParameters(new { value, before, limit = (long)limit + 1 });
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<Row>(
            "SELECT id AS Id, order_id AS OrderId, cooperative_id AS CooperativeId, buyer_id AS BuyerId, status AS Status, paid_fen AS PaidFen, " +
            "requested_fen AS RequestedFen, proposed_fen AS ProposedFen, agreed_fen AS AgreedFen, by_card AS ByCard, reason AS Reason, " +
            $"refund_reference AS RefundReference, sort_key AS SortKey FROM aftersales_cases WHERE {where}{(before is null ? "" : " AND sort_key < @before")} " +
            "ORDER BY sort_key DESC LIMIT @limit", parameters)).Select(r => r.ToRow()).ToList();
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM aftersales_cases WHERE {where}", parameters);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ListPage<AfterSalesRow>(rows, (int)total, more ? rows[^1].SortKey : null);
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string OrderId { get; set; } = "";
        public string CooperativeId { get; set; } = "";
        public string BuyerId { get; set; } = "";
        public string Status { get; set; } = "";
        public long PaidFen { get; set; }
        public long RequestedFen { get; set; }
        public long? ProposedFen { get; set; }
        public long? AgreedFen { get; set; }
        public bool ByCard { get; set; }
        public string Reason { get; set; } = "";
        public string? RefundReference { get; set; }
        public string SortKey { get; set; } = "";

        public AfterSalesRow ToRow() => new(Id, OrderId, CooperativeId, BuyerId, Enum.Parse<AfterSalesStatus>(Status), PaidFen, RequestedFen, ProposedFen,
            AgreedFen, ByCard, Reason, RefundReference,
            new DateTimeOffset(long.Parse(SortKey.AsSpan(0, SortKey.IndexOf('|')), CultureInfo.InvariantCulture), TimeSpan.Zero), SortKey);
    }
}
