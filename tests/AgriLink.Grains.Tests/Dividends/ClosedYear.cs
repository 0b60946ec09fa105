using AgriLink.Domain.Households;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Tests.Shares;

namespace AgriLink.Grains.Tests.Dividends;

/// <summary>
/// A small 三变 cooperative with its 2025 books closed, after the demo's 舍烹村: the village collective's assets,
/// a company's investment, four households' land (16 mu in all), two poor households' fiscal-fund preferred
/// shares in their third year, members' deliveries and one non-member sale.
/// </summary>
internal sealed record ClosedYear(Village Village, string Collective, string Enterprise, string Wang, string Li, string Zhang, string Zhao)
{
    public const int FiscalYear = 2025;
    public const string Preparer = "coop.panzhou";
    public const string Approver = "coop.panzhou.finance";
    public const long NonMemberTradeFen = 5_000_000;

    /// <summary>¥680,000 surplus: ¥68,000 reserve, ¥34,000 welfare, ¥578,000 to distribute, of which ¥346,800 by trade.</summary>
    public static readonly YearEndFigures Figures = new(SurplusFen: 68_000_000, PriorLossesFen: 0, ProfitPerMuFen: 120_000);

    public IDividendDeclarationGrain Declaration => Village.Declaration(FiscalYear);

    public CooperativeYear Key => new(Village.CooperativeId, FiscalYear);

    public IEnumerable<string> Households => [Wang, Li, Zhang, Zhao];

    public static async Task<ClosedYear> RecordAsync(IClusterClient client)
    {
        var village = await Village.FoundAsync(client, ShareSamples.Charter());
        var year = new ClosedYear(village,
            await village.CollectiveAsync(),
            await village.EnterpriseAsync(),
            await village.HouseholdAsync("王德明", PovertyStatus.RegisteredPoor),
            await village.HouseholdAsync("李桂芬", PovertyStatus.RegisteredPoor),
            await village.HouseholdAsync("张国强"),
            await village.HouseholdAsync("赵春梅"));

        // Issued in date order: the register is a history.
        await village.Register.IssueMany(
            [
                ShareSamples.Collective("h-vc-assets", year.Collective, "舍烹股字第2017001号"),
                ShareSamples.Investment("h-ent", year.Enterprise, "舍烹股字第2017002号"),
                ShareSamples.Land("h-wang-land", year.Wang, 6_000, "舍烹股字第2017003号"),
                ShareSamples.Land("h-li-land", year.Li, 3_500, "舍烹股字第2017004号"),
                ShareSamples.Land("h-zhang-land", year.Zhang, 4_000, "舍烹股字第2017005号"),
                ShareSamples.Land("h-zhao-land", year.Zhao, 2_500, "舍烹股字第2017006号"),
                ShareSamples.Fund("h-wang-fund", year.Wang, "舍烹股字第2023001号", preferred: true, issuedOn: new(2023, 3, 1)),
                ShareSamples.Fund("h-li-fund", year.Li, "舍烹股字第2023002号", preferred: true, issuedOn: new(2023, 3, 1)),
            ], ShareSamples.Admin, "创始股东登记");

        var trade = village.Trade(FiscalYear);
        var n = 0;
        foreach (var household in year.Households)
        {
            n++;
            await trade.Record(new($"seed-{household}-sep", household, 300_000 + n * 73_100, new(2025, 9, 20), TradeSource.Manual, "鲜刺梨交售"));
            await trade.Record(new($"seed-{household}-oct", household, 150_000 + n * 41_300, new(2025, 10, 15), TradeSource.Marketplace));
        }
        await trade.Record(new("seed-nonmember", null, NonMemberTradeFen, new(2025, 11, 30), TradeSource.Manual, "外村散户收购"));
        return year;
    }

    /// <summary>Prepared, approved by the second admin and on public notice from today for the charter's 7 days.</summary>
    public static async Task<ClosedYear> PublicisedAsync(IClusterClient client, DateOnly today)
    {
        var year = await RecordAsync(client);
        await year.Declaration.Prepare(Figures, Preparer);
        await year.Declaration.Approve(Approver);
        await year.Declaration.Publicise(today, today.AddDays(6), Approver);
        return year;
    }
}
