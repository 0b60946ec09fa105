using System.Globalization;
using AgriLink.Domain.Quotas;
using AgriLink.Domain.Codes;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Quotas;
using AgriLink.Web.Apis;
using AgriLink.Web.Exports;

namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// The impact dashboard's figures. The county figures (cooperatives, members, listings on sale and certified, sales and
/// their certified part) and the household reach (poor households, those reached, their sales income and dividends paid
/// or on notice) are read from the county totals kept as rows in the transaction of every change
/// (<see cref="ImpactQueries.Totals"/>): a read costs by the number of counties, not the size of the province. Budget
/// units' quotas come from their projection (<see cref="ImpactQueries.Quotas"/>).
/// </summary>
public static class ImpactReport
{
    /// <summary>The budget units the dashboard lists by name (the count of units and of those that met their quota covers all).</summary>
    public const int QuotaUnitsShown = 200;

    /// <param name="quotaUnits">How many budget units to list (an export lists them all).</param>
    public static async Task<ImpactFigures> Load(ImpactQueries impact, ReserveRates rates, int year, int quotaUnits = QuotaUnitsShown)
    {
        var (counties, households) = await impact.Totals();
        var quotas = await impact.Quotas(year, quotaUnits);
        return new ImpactFigures(ByCounty(counties), HouseholdIncome.FromTotals(households), quotas.First.Select(u => Compliance(u, rates, year)).ToList(),
            year, quotas.Units, quotas.Met);
    }

    /// <summary>The counties' figures with their names and deep-poverty flag, most sales first.</summary>
    public static IReadOnlyList<CountyImpact> ByCounty(IEnumerable<CountyTotals> totals) =>
        totals.Select(c =>
            {
                Regions.TryGetCounty(c.CountyCode, out var county);
                return new CountyImpact(c.CountyCode, county?.Name ?? c.CountyCode, county?.DeepPoverty ?? false, c.Cooperatives, c.Members,
                    c.Listings, c.CertifiedListings, c.Orders, c.SalesFen, c.CertifiedSalesFen);
            })
            .OrderByDescending(c => c.SalesFen).ThenBy(c => c.CountyCode, StringComparer.Ordinal).ToList();

    /// <summary>A unit's year as the quota API words it; an undeclared unit shows its region's floor rate.</summary>
    private static QuotaCompliance Compliance(QuotaUnit u, ReserveRates rates, int year)
    {
        var declared = u.Declared != 0;
        var rate = declared ? (int)u.ReserveRateBp : rates.FloorFor(u.RegionCode).BasisPoints;
        return new(u.BuyerId, u.Name, new QuotaProgress(u.BuyerId, year, declared, u.BudgetFen, rate, u.QuotaFen, u.CountedFen,
            declared ? Quota.RemainingFen(u.QuotaFen, u.CountedFen) : 0, u.OwnFen, u.UnionFen, u.EmployeeFen, 0, 0));
    }

    public static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Yuan(long fen) => new Domain.Money(fen).ToYuanString();

    private static string YesNo(bool value, bool chinese) => value ? (chinese ? "是" : "yes") : (chinese ? "否" : "no");

    /// <summary>The dashboard's tables by name, as the page exports them.</summary>
    public static Table? AsTable(ImpactFigures figures, string name, bool chinese) => name switch
    {
        "impact" => Counties(figures.Counties, chinese),
        "households" => Households(figures.Households, chinese),
        "quotas" => Quotas(figures.Quotas, chinese),
        _ => null,
    };

    public static Table Counties(IReadOnlyList<CountyImpact> counties, bool chinese) => new(
        "impact",
        chinese
            ? ["县级代码", "县", "深度贫困县", "合作社", "成员", "在售商品", "扶贫产品认定商品", "订单", "销售额（元）", "认定产品销售额（元）", "认定产品占比"]
            : ["County code", "County", "Deep poverty", "Cooperatives", "Members", "Listings on sale", "Certified listings", "Orders",
                "Sales (yuan)", "Certified sales (yuan)", "Certified share"],
        counties.Select(c => (IReadOnlyList<object>)[c.CountyCode, c.CountyName, YesNo(c.DeepPoverty, chinese),
            c.Cooperatives, c.Members, c.Listings, c.CertifiedListings, c.Orders, Yuan(c.SalesFen), Yuan(c.CertifiedSalesFen),
            Percent(c.CertifiedSalesBasisPoints)]).ToList());

    public static Table Households(IReadOnlyList<HouseholdReach> counties, bool chinese) => new(
        "households",
        chinese
            ? ["县级代码", "县", "脱贫户与监测户", "受益户数", "销售收入（元）", "已发放分红（元）", "公示中分红（元）", "已到手收入（元）"]
            : ["County code", "County", "Poor households", "Reached", "Sales income (yuan)", "Dividends paid (yuan)",
                "Dividends on notice (yuan)", "Income received (yuan)"],
        counties.Select(c => (IReadOnlyList<object>)[c.CountyCode, c.CountyName, c.PoorHouseholds, c.Reached,
            Yuan(c.SalesIncomeFen), Yuan(c.DividendsPaidFen), Yuan(c.DividendsOnNoticeFen), Yuan(c.ReceivedFen)]).ToList());

    public static Table Quotas(IReadOnlyList<QuotaCompliance> quotas, bool chinese) => new(
        "quotas",
        chinese
            ? ["预算单位编号", "预算单位", "年度", "已申报", "食堂食材预算（元）", "预留比例", "预留额度（元）", "认定产品采购（元）", "完成进度", "达标"]
            : ["Budget unit id", "Budget unit", "Year", "Declared", "Canteen food budget (yuan)", "Reserve rate", "Quota (yuan)",
                "Certified purchases (yuan)", "Progress", "Met"],
        quotas.Select(q => (IReadOnlyList<object>)[q.BuyerId, q.Name, q.Progress.Year, YesNo(q.Progress.Declared, chinese),
            Yuan(q.Progress.CanteenFoodBudgetFen), Percent(q.Progress.ReserveRateBasisPoints), Yuan(q.Progress.QuotaFen),
            Yuan(q.Progress.CountedFen), Percent(q.Progress.ProgressBasisPoints), YesNo(q.Met, chinese)]).ToList());
}
