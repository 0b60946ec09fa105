using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// A page of one cooperative's admins: <c>?coop=</c> picks one of the account's cooperatives (the first by default);
/// anything the account does not administer is a 403, exactly as in the API.
/// </summary>
public abstract class CooperativePage : AgriLinkPage
{
    [BindProperty(SupportsGet = true, Name = "coop")] public string? CooperativeId { get; set; }

    public string CooperativeName { get; private set; } = "";

    protected async Task<string> Cooperative()
    {
        CooperativeId ??= User.AdministeredCooperatives().FirstOrDefault();
        if (CooperativeId is null || !User.AdministersCooperative(CooperativeId))
            throw new PageProblemException(new ProblemDetails { Status = 403 });
        CooperativeName = (await CooperativeNames()).GetValueOrDefault(CooperativeId, CooperativeId);
        LiveTopics.Add($"coop:{CooperativeId}");
        return CooperativeId;
    }

    /// <summary>
    /// An order as the cooperative's admin may read it (<c>OrdersApi.Get</c>: its own part only); one it has no part in
    /// is a 403 from the API, and for an operator picking a cooperative outside the order a 404.
    /// </summary>
    protected async Task<Grains.Orders.OrderDetails> OrderWithPart(string orderId)
    {
        var coop = await Cooperative();
        var order = Value<Grains.Orders.OrderDetails>(await Apis.OrdersApi.Get(Api, orderId));
        return order.SubOrders.Any(s => s.CooperativeId == coop) ? order : throw new PageProblemException(new ProblemDetails { Status = 404 });
    }

    /// <summary>Display names of the cooperative's members by member id (the register and the declaration name shareholders by id).</summary>
    protected async Task<IReadOnlyDictionary<string, string>> MemberNamesOf(string cooperativeId) =>
        Value<Grains.Cooperatives.CooperativeDetails>(await Apis.CooperativesApi.Get(Api, cooperativeId)).Members
            .ToDictionary(m => m.MemberId, m => m.DisplayName, StringComparer.Ordinal);
}
