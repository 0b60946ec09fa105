using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using CsCheck;

namespace AgriLink.Domain.Tests.Dividends;

/// <summary>Random charters and years: small pools against large floors as often as the reverse, so shortfalls are common.</summary>
internal static class DistributionGen
{
    private static Gen<FloorRule?> FloorFor(ShareClass shareClass) => Gen.Int[0, 3].SelectMany(kind => kind switch
    {
        0 => Gen.Const((FloorRule?)null),
        1 => Gen.Long[0, 1_000_00].Select(v => (FloorRule?)new FloorRule(shareClass, FloorKind.PerMu, v)),
        2 => Gen.Int[0, 1_500].Array[0, 4].Select(steps => (FloorRule?)new FloorRule(shareClass, FloorKind.PercentOfPrincipal, 600, steps.Length == 0 ? null : steps)),
        _ => Gen.Long[0, 3_000].Select(v => (FloorRule?)new FloorRule(shareClass, FloorKind.PercentOfProfitPerMu, v)),
    });

    private static readonly Gen<FloorRule[]> Floors =
        Gen.Select(FloorFor(ShareClass.LandRight), FloorFor(ShareClass.FiscalFund), FloorFor(ShareClass.LoanBacked), FloorFor(ShareClass.Cash),
                Gen.Long[0, 50_00], Gen.Bool)
            .Select((land, fiscal, loan, cash, fee, hasFee) =>
                new[] { land, fiscal, loan, cash, hasFee ? new FloorRule(ShareClass.LandRight, FloorKind.CoordinationFeePerMu, fee) : null }
                    .OfType<FloorRule>().ToArray());

    public static readonly Gen<Charter> Charters =
        Gen.Select(Gen.Int[0, 3_000], Gen.Int[0, 1_000], Gen.Int[6_000, 10_000], Gen.Enum<ShortfallPolicy>(), Floors, Gen.Int[0, 1_000])
            .Select((reserve, welfare, trade, policy, floors, preferred) =>
                new Charter(reserve, welfare, trade, policy, floors, PreferredExitPolicy.ConvertToOrdinary, preferred));

    private static readonly ShareClass[] Classes = [ShareClass.LandRight, ShareClass.FiscalFund, ShareClass.LoanBacked, ShareClass.Cash, ShareClass.CollectiveAsset];

    private static readonly Gen<HoldingPosition[]> Holdings =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, Classes.Length - 1], Gen.Long[1, 10_000], Gen.Long[0, 20_000], Gen.Long[0, 10_000_000], Gen.Int[1, 5], Gen.Bool)
            .Array[0, 12]
            .Select(rows => rows.Select((r, i) => new HoldingPosition(
                $"h{i:D2}", r.Item1 == 6 ? DividendSamples.Collective : $"hh-{r.Item1}", ShareholderKind.Household, Classes[r.Item2],
                r.Item3, Classes[r.Item2] == ShareClass.LandRight ? r.Item4 : 0, r.Item5, r.Item6, r.Item7 && Classes[r.Item2] != ShareClass.LandRight)).ToArray());

    private static readonly Gen<MemberTrade[]> Trades =
        Gen.Long[0, 10_000_000].Array[0, 8].Select(volumes => volumes.Select((v, i) => new MemberTrade($"hh-{i}", v)).ToArray());

    public static readonly Gen<YearEndInputs> Inputs =
        Gen.Select(Gen.OneOf(Gen.Long[-10_000, 10_000], Gen.Long[0, 1_000_000], Gen.Long[0, 1_000_000_000]), Gen.OneOf(Gen.Const(0L), Gen.Long[0, 100_000]),
                Gen.Long[-1_000_00, 5_000_00], Holdings, Trades, Gen.Long[0, 1_000_000])
            .Select((surplus, losses, profit, holdings, trades, nonMember) =>
                new YearEndInputs(2023, surplus, losses, profit, DividendSamples.Collective, trades, holdings, nonMember))
            // Nobody to pay is refused by design; the properties are about years that can be distributed.
            .Where(i => i.Holdings.Count > 0 || i.MemberTrades.Any(t => t.MemberTradeFen > 0));

    public static readonly Gen<(Charter, YearEndInputs)> Years = Gen.Select(Charters, Inputs);
}
