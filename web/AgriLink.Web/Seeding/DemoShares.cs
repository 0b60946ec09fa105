using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Dividends;

namespace AgriLink.Web.Seeding;

/// <summary>
/// 舍烹村's 三变 register as the demo: land-right shares with a ¥400/mu floor and a ¥20/mu fee to the
/// village collective, quantified fiscal funds for registered-poor households stepping 6%/8%/10%, a 特惠贷
/// loan-backed share, the collective's assets and the processing company's investment; the 2025 deliveries;
/// and the 2025 declaration, prepared and approved by two admins and in its public notice.
/// </summary>
public static class DemoShares
{
    public const string CooperativeId = "coop-pzcili";
    public const int FiscalYear = 2025;
    public const string Preparer = "coop.panzhou";
    public const string Approver = "coop.panzhou.finance";

    /// <summary>The member household elected supervisor (监事) at the founding meeting: the demo farmer's (farmer.pz01).</summary>
    public const string Supervisor = "hh-pz01";

    public static readonly Charter Charter = new(
        ReserveRateBp: 1000, WelfareRateBp: 500, TradeReturnRateBp: 6000, ShortfallPolicy.CarryAsLiability,
        [
            new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 40_000),
            new FloorRule(ShareClass.LandRight, FloorKind.CoordinationFeePerMu, 2_000),
            new FloorRule(ShareClass.FiscalFund, FloorKind.PercentOfPrincipal, 0, [600, 800, 1000]),
            new FloorRule(ShareClass.LoanBacked, FloorKind.PercentOfPrincipal, 0, [600]),
        ],
        PreferredExitPolicy.ReassignToPoorHouseholds, PreferredFloorBp: 500);

    /// <summary>The held assembly (成员大会) called to decide the 2025 plan and the year's report.</summary>
    public static readonly Grains.Assemblies.AssemblyKey AssemblyKey = new(CooperativeId, "asm-2025plan");

    public static readonly Grains.Assemblies.CallAssembly Assembly = new("2025 年度成员大会", Domain.Assemblies.AssemblyMode.Held,
    [
        new(Domain.Assemblies.ResolutionSubject.DistributionPlan, "2025 年度盈余分配方案", FiscalYear),
        new(Domain.Assemblies.ResolutionSubject.AnnualReport, "2025 年度业务报告"),
    ]);

    public static readonly YearEndFigures Figures2025 = new(SurplusFen: 68_000_000, PriorLossesFen: 0, ProfitPerMuFen: 120_000);

    private static readonly DateOnly Founded = new(2017, 3, 1);

    public static IEnumerable<Holding> Holdings()
    {
        var n = 1;
        yield return new("h-vc-assets", "vc-shepeng", ShareholderKind.VillageCollective, ShareClass.CollectiveAsset, 200_000, 20_000_000,
            Founded, Certificate(n++));
        yield return new("h-ent-panshan", "ent-panshan", ShareholderKind.Enterprise, ShareClass.EnterpriseInvestment, 500_000, 50_000_000,
            new(2017, 3, 1), Certificate(n++));
        foreach (var (id, _, _, history) in DemoData.Households().Where(h => h.CooperativeId == CooperativeId))
        {
            var index = int.Parse(id[^2..]);
            var milliMu = (2 + index % 7) * 1000 + (index % 2) * 500;
            // Land valued at ¥2,000 per mu, one share per yuan.
            var shares = milliMu * 2;
            yield return new($"h-{id}-land", id, ShareholderKind.Household, ShareClass.LandRight, shares, shares * 100L, Founded, Certificate(n++),
                Land: new LandParcel($"PG-SP-{index:D3}", milliMu, Founded, new DateOnly(2037, 2, 28)));
            if (history.Length > 0)
                yield return new($"h-{id}-fund", id, ShareholderKind.Household, ShareClass.FiscalFund, 20_000, 2_000_000, Founded, Certificate(n++),
                    Preferred: history[^1].Status == Domain.Households.PovertyStatus.RegisteredPoor, FundId: FundId);
        }
    }

    /// <summary>The fiscal fund the registered-poor households' shares were quantified from (资金变股金), as disclosed: its amount is those shares' principal.</summary>
    public const string FundId = "fund-pz-2017";

    public static FiscalFund Fund => new("中央财政专项扶贫资金（产业发展）", "盘财农〔2017〕28号（演示）",
        Holdings().Where(h => h.FundId == FundId).Sum(h => h.ValuationFen), 2017,
        "量化为舍烹村建档立卡贫困户在合作社的股份，按 6%、8%、10% 逐年保底分红");

    public static readonly Holding LoanBacked = new("h-hh-pz02-loan", "hh-pz02", ShareholderKind.Household, ShareClass.LoanBacked,
        50_000, 5_000_000, new(2018, 5, 1), "舍烹股字第2018001号", FundId: "tehuidai-pz02");

    /// <summary>刺梨 deliveries by members in 2025, and the cooperative's sales to outsiders.</summary>
    public static IEnumerable<TradeRecord> Trade2025()
    {
        foreach (var (id, _, _, _) in DemoData.Households().Where(h => h.CooperativeId == CooperativeId))
        {
            var index = int.Parse(id[^2..]);
            yield return new($"seed-2025-{id}-sep", id, 300_000 + index * 73_100, new(2025, 9, 20), TradeSource.Manual, "鲜刺梨交售");
            yield return new($"seed-2025-{id}-oct", id, 150_000 + index * 41_300, new(2025, 10, 15), TradeSource.Manual, "鲜刺梨交售");
        }
        yield return new("seed-2025-nonmember", null, 5_000_000, new(2025, 11, 30), TradeSource.Manual, "外村散户收购");
    }

    private static string Certificate(int n) => $"舍烹股字第2017{n:D3}号";
}
