using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// A buyer's orders and a cooperative's sub-orders, newest first, from the order projections: an index range per page
/// (keyset on placed time, then id), whatever the number of orders a year.
/// </summary>
public sealed class OrderQueries(AgriLinkDatabase database)
{
    private const string Columns = "buyer_id AS BuyerId, status AS Status, payment_method AS PaymentMethod, amount_fen AS AmountFen, placed_at AS PlacedAt, revision AS Revision";

    public Task<ListPage<OrderSummary>> OfBuyer(string buyerId, OrderStatus? status, PageRequest page) =>
        PageAsync($"SELECT id AS OrderId, NULL AS CooperativeId, {Columns} FROM orders", "id", "buyer_id = @owner", buyerId, status, page);

    public Task<ListPage<OrderSummary>> OfCooperative(string cooperativeId, OrderStatus? status, PageRequest page) =>
        PageAsync($"SELECT order_id AS OrderId, cooperative_id AS CooperativeId, {Columns} FROM sub_orders", "order_id", "cooperative_id = @owner",
            cooperativeId, status, page);

    /// <summary>Every sub-order of the cooperative, or those in <paramref name="status"/> (a cooperative's own, for invoicing a month).</summary>
    public async Task<IReadOnlyList<OrderSummary>> AllOfCooperative(string cooperativeId, OrderStatus? status)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<OrderRow>(
            $"SELECT order_id AS OrderId, cooperative_id AS CooperativeId, {Columns} FROM sub_orders " +
            "WHERE cooperative_id = @cooperativeId" + (status is null ? "" : " AND status = @status") + " ORDER BY placed_at DESC, order_id",
            new { cooperativeId, status = status?.ToString() });
        return rows.Select(r => r.ToSummary()).ToList();
    }

    /// <summary>
    /// The buyers with sub-orders of the cooperative paid by invoice, delivered and not yet settled (an invoiced sub-order
    /// stays Delivered until its invoice is paid; the projection does not tell the two apart): whom its monthly invoices
    /// are for, with how many such sub-orders and their amount (by the cooperative's sub-order index).
    /// </summary>
    public async Task<IReadOnlyList<BuyerToInvoice>> BuyersToInvoice(string cooperativeId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<BuyerToInvoice>(
            "SELECT s.buyer_id AS BuyerId, COALESCE(b.name, s.buyer_id) AS Name, COUNT(*) AS SubOrders, CAST(SUM(s.amount_fen) AS BIGINT) AS AmountFen " +
            "FROM sub_orders s LEFT JOIN buyers b ON b.id = s.buyer_id " +
            "WHERE s.cooperative_id = @cooperativeId AND s.payment_method = @invoice AND s.status = @delivered " +
            "GROUP BY s.buyer_id, b.name ORDER BY s.buyer_id",
            new { cooperativeId, invoice = nameof(PaymentMethod.Invoice), delivered = nameof(OrderStatus.Delivered) })).AsList();
    }

    private Task<ListPage<OrderSummary>> PageAsync(string select, string idColumn, string owner, string ownerId, OrderStatus? status, PageRequest page)
    {
        var parameters = new DynamicParameters(new { owner = ownerId });
        var where = owner;
        if (status is not null)
        {
            where += " AND status = @status";
            parameters.Add("status", status.ToString());
        }

        return new NewestFirst("placed_at", NewestFirst.Sort.Time, idColumn)
            .PageAsync<OrderRow, OrderSummary>(database, select, where, parameters, page, r => r.ToSummary(), o => (o.PlacedAt, o.OrderId));
    }

    /// <summary>A row as read; the time comes as each engine stores it (ISO text in SQLite, a UTC time in PostgreSQL).</summary>
    private sealed class OrderRow
    {
        public string OrderId { get; set; } = "";
        public string? CooperativeId { get; set; }
        public string BuyerId { get; set; } = "";
        public string Status { get; set; } = "";
        public string PaymentMethod { get; set; } = "";
        public long AmountFen { get; set; }
        public object PlacedAt { get; set; } = "";
        public long Revision { get; set; }

        /// <summary>Shown in China time, as the order grain stamps it (the stored instant is the same).</summary>
        public OrderSummary ToSummary() => new(OrderId, BuyerId, CooperativeId, Enum.Parse<OrderStatus>(Status), Enum.Parse<PaymentMethod>(PaymentMethod),
            AmountFen, Timestamps.China(PlacedAt), (int)Revision);
    }
}

/// <summary>A buyer a cooperative invoices: its delivered invoice sub-orders not yet settled.</summary>
public sealed class BuyerToInvoice
{
    public string BuyerId { get; set; } = "";
    public string Name { get; set; } = "";
    public long SubOrders { get; set; }
    public long AmountFen { get; set; }
}
