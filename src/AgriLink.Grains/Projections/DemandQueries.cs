using AgriLink.Domain.Quantities;
using AgriLink.Grains.Matching;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>A buyer's demands, newest first, from the demand projection (keyset on posted time, then id).</summary>
public sealed class DemandQueries(AgriLinkDatabase database)
{
    private static readonly NewestFirst Order = new("posted_at", NewestFirst.Sort.Time, "id");

    public Task<ListPage<DemandSummary>> OfBuyer(string buyerId, PageRequest page) =>
        Order.PageAsync<DemandRow, DemandSummary>(database,
            "SELECT id AS Id, title AS Title, status AS Status, quantity AS Quantity, unit AS Unit, deliver_by AS DeliverBy, posted_at AS PostedAt, " +
            "revision AS Revision FROM demands", "buyer_id = @buyerId", new DynamicParameters(new { buyerId }), page, r => r.ToSummary(),
            d => (d.PostedAt, d.DemandId));

    /// <summary>
    /// A batch of the open demands of <paramref name="category"/> (null: those naming no category, matched by keywords
    /// alone) after the id <paramref name="after"/>, in id order: a range of the category index, whatever the province holds.
    /// </summary>
    public async Task<IReadOnlyList<OpenDemandRow>> Open(string? category, string after, int limit)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<OpenDemandRow>(
            "SELECT id AS DemandId, buyer_id AS BuyerId, spec AS Spec FROM open_demands WHERE " +
            (category is null ? "category IS NULL" : "category = @category") + " AND id > @after ORDER BY id LIMIT @limit",
            new { category, after, limit = (long)limit })).ToList();
    }

    public sealed class OpenDemandRow
    {
        public string DemandId { get; set; } = "";
        public string BuyerId { get; set; } = "";
        public string Spec { get; set; } = "";
    }

    private sealed class DemandRow
    {
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public string Status { get; set; } = "";
        public object Quantity { get; set; } = "";
        public string Unit { get; set; } = "";
        public object DeliverBy { get; set; } = "";
        public object PostedAt { get; set; } = "";
        public long Revision { get; set; }

        public DemandSummary ToSummary() => new(Id, Title, Enum.Parse<DemandStatus>(Status), ColumnValues.Decimal(Quantity), Enum.Parse<Unit>(Unit),
            ColumnValues.Date(DeliverBy), Timestamps.China(PostedAt), (int)Revision);
    }
}
