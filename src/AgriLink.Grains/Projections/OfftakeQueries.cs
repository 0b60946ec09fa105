using AgriLink.Domain.Offtake;
using AgriLink.Grains.Offtake;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>An enterprise's or a cooperative's offtake contracts, latest delivery window first, then by id (keyset on both).</summary>
public sealed class OfftakeQueries(AgriLinkDatabase database)
{
    private static readonly NewestFirst Order = new("delivery_start", NewestFirst.Sort.Date, "id");

    public Task<ListPage<OfftakeSummary>> OfEnterprise(string enterpriseId, OfftakeStatus? status, PageRequest page) =>
        PageAsync("enterprise_id", enterpriseId, status, page);

    public Task<ListPage<OfftakeSummary>> OfCooperative(string cooperativeId, OfftakeStatus? status, PageRequest page) =>
        PageAsync("cooperative_id", cooperativeId, status, page);

    private Task<ListPage<OfftakeSummary>> PageAsync(string partyColumn, string partyId, OfftakeStatus? status, PageRequest page) =>
        Order.PageAsync<ContractRow, OfftakeSummary>(database,
            "SELECT id AS Id, enterprise_id AS EnterpriseId, cooperative_id AS CooperativeId, product AS Product, status AS Status, " +
            "delivery_start AS DeliveryStart, delivery_end AS DeliveryEnd, quantity AS Quantity, delivered_quantity AS DeliveredQuantity FROM offtake_contracts",
            $"{partyColumn} = @partyId" + (status is null ? "" : " AND status = @status"),
            new DynamicParameters(new { partyId, status = status?.ToString() }), page, r => r.ToSummary(), c => (c.DeliveryStart, c.Id));

    private sealed class ContractRow
    {
        public string Id { get; set; } = "";
        public string EnterpriseId { get; set; } = "";
        public string CooperativeId { get; set; } = "";
        public string Product { get; set; } = "";
        public string Status { get; set; } = "";
        public object DeliveryStart { get; set; } = "";
        public object DeliveryEnd { get; set; } = "";
        public object Quantity { get; set; } = "";
        public object DeliveredQuantity { get; set; } = "";

        public OfftakeSummary ToSummary() => new(Id, EnterpriseId, CooperativeId, Product, Enum.Parse<OfftakeStatus>(Status),
            ColumnValues.Date(DeliveryStart), ColumnValues.Date(DeliveryEnd), ColumnValues.Decimal(Quantity), ColumnValues.Decimal(DeliveredQuantity));
    }
}
