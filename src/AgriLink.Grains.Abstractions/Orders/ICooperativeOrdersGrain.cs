using AgriLink.Domain.Orders;

namespace AgriLink.Grains.Orders;

/// <summary>A cooperative's incoming sub-orders (key: the cooperative id), kept up to date by the order grains.</summary>
[Alias("AgriLink.ICooperativeOrdersGrain")]
public interface ICooperativeOrdersGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the summary; older revisions are ignored.</summary>
    [Alias("Upsert")] Task Upsert(OrderSummary summary);
    /// <summary>Newest first, optionally only one status.</summary>
    [Alias("List")] Task<IReadOnlyList<OrderSummary>> List(OrderStatus? status = null);
}
