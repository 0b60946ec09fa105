using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace AgriLink.Web.Localization;

/// <summary>
/// An order's history entry in the page's language. The order grain records what happened as a code ("placed",
/// "shipped", "reason:…", "payment-refused:900-of-1000") and who did it as "name (Role)"; the page shows words.
/// </summary>
public static partial class OrderHistoryText
{
    private static readonly Dictionary<string, string> Steps = new(StringComparer.Ordinal)
    {
        ["placed"] = "下单",
        ["awaiting-payment"] = "等待付款",
        ["payment-attached"] = "已关联付款",
        ["paid"] = "已付款",
        ["shipped"] = "已发货",
        ["delivered"] = "已确认收货",
        ["invoiced"] = "已开票",
        ["cancelled"] = "已取消",
        ["completed"] = "已完成",
        ["refund-pending"] = "待退款",
        ["refunded"] = "已退款",
    };

    /// <summary>What happened, worded; a code this page does not know is shown as recorded.</summary>
    public static string What(IStringLocalizer t, string what)
    {
        if (Steps.TryGetValue(what, out var step)) return t[step];
        if (what.StartsWith("reason:", StringComparison.Ordinal))
        {
            var reason = what["reason:".Length..];
            return string.Format(CultureInfo.InvariantCulture, t["原因：{0}"], reason == "unpaid by the payment deadline" ? t["付款期限已过，未付款"] : reason);
        }
        if (PaymentRefused().Match(what) is { Success: true } refused)
            return string.Format(CultureInfo.InvariantCulture, t["付款金额不符：收到 {0}，应付 {1}"],
                Labels.Money(long.Parse(refused.Groups["paid"].Value, CultureInfo.InvariantCulture)),
                Labels.Money(long.Parse(refused.Groups["due"].Value, CultureInfo.InvariantCulture)));
        if (PostingRefused().Match(what) is { Success: true } posting)
            return string.Format(CultureInfo.InvariantCulture, t["{0}未能记入（{1}）"], What(t, posting.Groups["step"].Value), posting.Groups["code"].Value);
        return what;
    }

    /// <summary>Who did it: the account and its role in words ("buyer.canteen（采购方）").</summary>
    public static string By(IStringLocalizer t, string by)
    {
        var actor = Actor().Match(by);
        return actor.Success ? $"{actor.Groups["name"].Value}（{t[Labels.OrderActorRole(actor.Groups["role"].Value)]}）" : by;
    }

    [GeneratedRegex(@"^payment-refused:(?<paid>-?\d+)-of-(?<due>-?\d+)$")]
    private static partial Regex PaymentRefused();

    [GeneratedRegex(@"^(?<step>[a-z-]+)-posting-refused:(?<code>.+)$")]
    private static partial Regex PostingRefused();

    [GeneratedRegex(@"^(?<name>.*) \((?<role>[A-Za-z]+)\)$")]
    private static partial Regex Actor();
}
