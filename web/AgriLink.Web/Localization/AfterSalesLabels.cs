using AgriLink.Domain.AfterSales;

namespace AgriLink.Web.Localization;

/// <summary>The Chinese names (resource keys) of after-sales statuses and steps.</summary>
public static class AfterSalesLabels
{
    public static string Of(AfterSalesStatus status) => status switch
    {
        AfterSalesStatus.Requested => "待合作社处理",
        AfterSalesStatus.Proposed => "合作社提出退款方案",
        AfterSalesStatus.Refused => "合作社拒绝",
        AfterSalesStatus.Escalated => "平台介入中",
        AfterSalesStatus.Approved => "退款处理中",
        AfterSalesStatus.Refunded => "已退款",
        _ => "已结案（不退款）",
    };

    public static string Step(string what) => what switch
    {
        "request" => "买家申请",
        "accept" => "合作社同意",
        "propose" => "合作社提出方案",
        "refuse" => "合作社拒绝",
        "accept-proposal" => "买家接受方案",
        "escalate" => "买家申请平台介入",
        "decide" => "平台裁定",
        "refunded" => "已退款",
        _ => what,
    };
}
