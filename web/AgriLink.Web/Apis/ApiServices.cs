using System.Security.Claims;

namespace AgriLink.Web.Apis;

/// <summary>What every API handler needs: the grains, the audit trail, the caller, and the lists (projections) to read.</summary>
public sealed record ApiServices(
    IGrainFactory Grains, AuditTrail Audit, ClaimsPrincipal User, Grains.Projections.DirectoryQueries Lists, Grains.Projections.OrderQueries OrderLists)
{
    /// <summary>The order named in a route; an id that is not an order id, or no such order, is a 404 problem.</summary>
    public async Task<AgriLink.Grains.Orders.OrderDetails> Order(string orderId)
    {
        if (!Domain.Orders.OrderIds.IsValid(orderId)) throw new Domain.Errors.NotFoundException("order", orderId);
        return await Grains.GetGrain<AgriLink.Grains.Orders.IOrderGrain>(orderId).Get();
    }
}
