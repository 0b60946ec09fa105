using AgriLink.Domain.Orders;

namespace AgriLink.Grains.Orders;

/// <summary>A buyer's orders (key: the buyer id), kept up to date by the order grains.</summary>
[Alias("AgriLink.IBuyerOrdersGrain")]
public interface IBuyerOrdersGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the summary; older revisions are ignored.</summary>
    [Alias("Upsert")] Task Upsert(OrderSummary summary);
    /// <summary>Newest first, optionally only one status.</summary>
    [Alias("List")] Task<IReadOnlyList<OrderSummary>> List(OrderStatus? status = null);
}
