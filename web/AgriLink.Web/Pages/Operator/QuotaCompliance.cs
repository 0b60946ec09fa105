using AgriLink.Grains.Quotas;

namespace AgriLink.Web.Pages.Operator;

/// <summary>A budget unit's quota for the year: its target, the certified purchases counted, and whether it is met.</summary>
public sealed record QuotaCompliance(string BuyerId, string Name, QuotaProgress Progress)
{
    public bool Met => Progress.Met;
}
