using AgriLink.Domain.Buyers;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Common;
using AgriLink.Grains.Quotas;
using AgriLink.Web.Apis;
using AgriLink.Web.Charts;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>
/// A budget unit's progress toward this year's purchasing quota (预留份额, <c>GET /api/buyers/{id}/quota</c>): an inline
/// SVG chart of the certified purchases (own, union, employees) against the quota, with the same figures as a table, then
/// the months so far: each month's certified purchases and the cumulative total against the quota line, also as a table.
/// Redrawn live on <c>quota.progress</c> (topic <c>buyer:{id}</c>). Other buyers have no quota and are told so.
/// </summary>
public sealed class QuotaModel(TimeProvider clock) : BuyerPage
{
    public BuyerDetails Buyer { get; private set; } = null!;

    /// <summary>Null for buyers that are not budget units.</summary>
    public QuotaProgress? Progress { get; private set; }

    public QuotaChart? Chart { get; private set; }

    /// <summary>The months so far (all twelve for a past year): each month's own purchases and the cumulative line.</summary>
    public QuotaMonthsChart? Months { get; private set; }

    public async Task OnGetAsync()
    {
        Buyer = Value<BuyerDetails>(await BuyersApi.Get(Api, BuyerId));
        if (Buyer.Profile.Type != BuyerType.BudgetUnit) return;
        Progress = Value<QuotaProgress>(await QuotasApi.Current(Api, BuyerId, clock));
        Chart = QuotaChart.Of(Progress);
        Months = QuotaMonthsChart.Of(Progress, QuotaMonthsChart.MonthsThrough(Progress.Year, clock.Today()));
        LiveTopics.Add($"buyer:{BuyerId}");
        LiveRefreshOn.Add("quota.progress");
    }
}
