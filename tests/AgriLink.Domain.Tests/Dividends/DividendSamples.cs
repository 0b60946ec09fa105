using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;

namespace AgriLink.Domain.Tests.Dividends;

internal static class DividendSamples
{
    public const string Collective = "vc-jiaxi";

    /// <summary>No reserve, all distributable; 70% by trade, as in the law's example.</summary>
    public static Charter Charter(params FloorRule[] floors) =>
        new(0, 0, 7_000, ShortfallPolicy.ProRataCut, floors, PreferredExitPolicy.ConvertToOrdinary, 500);

    public static HoldingPosition Land(string id, string holder, long milliMu, long shares = 10) =>
        new(id, holder, ShareholderKind.Household, ShareClass.LandRight, shares, milliMu, 0, 1, false);

    public static HoldingPosition Funded(string id, string holder, ShareClass shareClass, long principalFen, int year = 1, bool preferred = false) =>
        new(id, holder, ShareholderKind.Household, shareClass, principalFen / 100_00, 0, principalFen, year, preferred, "fund-2021");

    public static YearEndInputs Inputs(long surplusFen, IReadOnlyList<HoldingPosition> holdings, params MemberTrade[] trades) =>
        new(2023, surplusFen, 0, 0, Collective, trades, holdings);

    public static DividendComponent Only(this Distribution distribution, string shareholderId, DividendComponentKind kind) =>
        distribution.LineFor(shareholderId)!.Components.Single(c => c.Kind == kind);
}
