using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;

namespace AgriLink.Grains.Tests.Shares;

/// <summary>Register entries and a charter in the manner of 舍烹村's demo register (web/…/Seeding/DemoShares.cs).</summary>
internal static class ShareSamples
{
    public const string Admin = "coop.admin";

    /// <summary>¥400/mu land floor with a ¥20/mu fee to the village collective, fiscal funds at 6%/8%/10%.</summary>
    public static Charter Charter(
        PreferredExitPolicy exitPolicy = PreferredExitPolicy.ReassignToPoorHouseholds, int fiscalYearEndMonth = 12) =>
        new(ReserveRateBp: 1000, WelfareRateBp: 500, TradeReturnRateBp: 6000, ShortfallPolicy.CarryAsLiability,
            [
                new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 40_000),
                new FloorRule(ShareClass.LandRight, FloorKind.CoordinationFeePerMu, 2_000),
                new FloorRule(ShareClass.FiscalFund, FloorKind.PercentOfPrincipal, 0, [600, 800, 1000]),
            ],
            exitPolicy, PreferredFloorBp: 500, fiscalYearEndMonth);

    /// <summary>Land valued at ¥2,000 per mu, one share per yuan.</summary>
    public static Holding Land(string holdingId, string householdId, long milliMu, string certificate, DateOnly? issuedOn = null)
    {
        var on = issuedOn ?? Village.Founded;
        var shares = milliMu * 2;
        return new(holdingId, householdId, ShareholderKind.Household, ShareClass.LandRight, shares, shares * 100, on, certificate,
            Land: new LandParcel("PG-" + certificate, milliMu, on, new(2037, 2, 28)));
    }

    /// <summary>A quantified fiscal fund (资金变股金), ¥1 a share; preferred while the household is registered poor.</summary>
    public static Holding Fund(string holdingId, string householdId, string certificate, bool preferred, long shares = 20_000, DateOnly? issuedOn = null) =>
        new(holdingId, householdId, ShareholderKind.Household, ShareClass.FiscalFund, shares, shares * 100, issuedOn ?? Village.Founded,
            certificate, Preferred: preferred, FundId: "fund-pz-2017");

    public static Holding Cash(string holdingId, string holderId, ShareholderKind kind, long shares, string certificate, DateOnly? issuedOn = null) =>
        new(holdingId, holderId, kind, ShareClass.Cash, shares, shares * 100, issuedOn ?? Village.Founded, certificate);

    public static Holding Collective(string holdingId, string collectiveId, string certificate) =>
        new(holdingId, collectiveId, ShareholderKind.VillageCollective, ShareClass.CollectiveAsset, 200_000, 20_000_000, Village.Founded, certificate);

    public static Holding Investment(string holdingId, string enterpriseId, string certificate) =>
        new(holdingId, enterpriseId, ShareholderKind.Enterprise, ShareClass.EnterpriseInvestment, 500_000, 50_000_000, Village.Founded, certificate);
}
