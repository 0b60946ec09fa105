using AgriLink.Domain;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Exports;
using AgriLink.Web.Localization;

namespace AgriLink.Web.Pages;

/// <summary>
/// The 防返贫监测 dashboard's tables as the page shows them and as they are exported (<see cref="Table"/>: CSV with a BOM,
/// or .xlsx), worded by <c>say</c> (the localizer: the Chinese, or its English).
/// </summary>
public static class MonitoringDashboardTables
{
    public static readonly IReadOnlyList<string> Names = ["areas", "categories", "channels", "measures", "outcomes", "incomes"];

    /// <summary>The table <paramref name="name"/> of the dashboard, or null for a name it does not have.</summary>
    public static Table? AsTable(MonitoringDashboard f, string name, Func<string, string> say) => name switch
    {
        "areas" => Areas(f, say),
        "categories" => new("categories", [say("监测类别"), say("案件数")],
            f.ByCategory.Select(c => Row(say(Labels.Of(Enum.Parse<MonitoringCategory>(c.Key))), c.Count)).ToList()),
        "channels" => new("channels", [say("发现渠道"), say("案件数")],
            f.ByChannel.Select(c => Row(say(Labels.Of(Enum.Parse<DiscoveryChannel>(c.Key))), c.Count)).ToList()),
        "measures" => new("measures", [say("帮扶措施"), say("措施数"), say("户数")],
            f.Measures.Select(m => Row(say(Labels.Of(Enum.Parse<MeasureKind>(m.Kind))), m.Measures, m.Households)).ToList()),
        "outcomes" => new("outcomes", [say("月份"), say("风险消除"), say("不纳入监测")],
            f.Outcomes.Select(o => Row(o.Month, o.Eliminated, o.Dismissed)).ToList()),
        "incomes" => new("incomes", [say("年度"), say("有收入数据的监测户"), say("人均收入中位数（元）"), say("低于监测线户数"), say("低于监测线占比"), say("监测线（元/人）")],
            f.Incomes.Select(i => Row(i.Year, i.Households, Yuan(i.MedianFen), i.UnderLine, Operator.ImpactReport.Percent(i.UnderLineBasisPoints), Yuan(i.LineFen))).ToList()),
        _ => null,
    };

    /// <summary>The cases by the next area down (a row each) and stage, with the overdue ones.</summary>
    private static Table Areas(MonitoringDashboard f, Func<string, string> say)
    {
        var stages = Enum.GetValues<CaseStage>();
        return new("areas", [say("下一级区域"), .. stages.Select(s => say(Labels.Of(s))), say("超期")],
            f.ByArea.Select(c => c.Area).Distinct().Select(area => (IReadOnlyList<object>)
                [area ?? say("未设村级区划代码"), .. stages.Select(s => (object)Count(f, area, s.ToString())), Count(f, area, "overdue")]).ToList());
    }

    /// <summary>The count of one area and key (a stage, or <c>overdue</c>).</summary>
    public static long Count(MonitoringDashboard f, string? area, string key) => f.ByArea.Where(c => c.Area == area && c.Key == key).Sum(c => c.Count);

    public static string Yuan(long fen) => new Money(fen).ToYuanString();

    private static IReadOnlyList<object> Row(params object[] cells) => cells;
}
