using AgriLink.Domain.Buyers;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Quotas;

namespace AgriLink.Grains.Orders;

/// <summary>
/// Whose quota a purchase counts toward: a budget unit's own purchases count for itself, its union's and its
/// employees' (an individual with a parent) for the parent unit; everyone else has no quota.
/// </summary>
public static class QuotaAttribution
{
    public static (string UnitId, QuotaChannel Channel)? For(BuyerDetails purchaser) => purchaser.Profile switch
    {
        { Type: BuyerType.BudgetUnit } => (purchaser.Id, QuotaChannel.Own),
        { Type: BuyerType.Union, ParentBuyerId: { } parent } => (parent, QuotaChannel.Union),
        { Type: BuyerType.Individual, ParentBuyerId: { } parent } => (parent, QuotaChannel.Employee),
        _ => null,
    };
}
