using System.Globalization;
using AgriLink.Domain.Buyers;
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
/// units' quotas come through the quota API.
/// </summary>
public static class ImpactReport
{
    public static async Task<ImpactFigures> Load(ApiServices api, ImpactQueries impact, int year)
    {
        var (counties, households) = await impact.Totals();
        var quotas = await Quotas(api, year);
        return new ImpactFigures(ByCounty(counties), HouseholdIncome.FromTotals(households), quotas, year);
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

    /// <summary>Every budget unit's quota for the year, read through the quota API (operators may read any unit's).</summary>
    private static async Task<IReadOnlyList<QuotaCompliance>> Quotas(ApiServices api, int year)
    {
        var units = (await BuyersApi.List(api, BuyerType.BudgetUnit, 0, Paging.MaxLimit)).Value!.Items;
        var result = new List<QuotaCompliance>();
        foreach (var unit in units)
        {
            var answer = (await QuotasApi.Get(api, unit.Id, year)).Result;
            if (answer is Microsoft.AspNetCore.Http.HttpResults.Ok<QuotaProgress> { Value: { } progress })
                result.Add(new(unit.Id, unit.Name, progress));
        }
        return result.OrderBy(q => q.Met).ThenByDescending(q => q.Progress.QuotaFen).ThenBy(q => q.BuyerId, StringComparer.Ordinal).ToList();
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
