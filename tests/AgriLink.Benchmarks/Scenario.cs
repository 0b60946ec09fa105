using AgriLink.Domain.Codes;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Domain.VillageCollectives;
using AgriLink.Grains.Dividends;

namespace AgriLink.Benchmarks;

/// <summary>
/// The benchmark's cooperative: one 三变 village-cooperative after the demo's 舍烹 (web/AgriLink.Web/Seeding), scaled to
/// <see cref="Shareholders"/> individual farmer members. Everything is a pure function of the member index, so every
/// run builds the same register, trade and distribution.
/// </summary>
/// <remarks>
/// Holdings: three members in four contribute a land-management right (2–8.5 mu, ¥2,000/mu, one share per yuan) and
/// the fourth a cash share; every tenth member (index ending in 5) also holds a cash share issued in 2020. The charter is the demo's:
/// 10% reserve, 5% welfare, 60% by trade, a ¥400/mu floor on land with a ¥20/mu coordination fee to the village
/// collective, second round pro rata to shares. The surplus (¥6,000 per member) covers the floors, so every member
/// is paid a floor or second round plus a trade return, and the collective is paid the fees.
/// </remarks>
public sealed class Scenario(int shareholders)
{
    public const string CooperativeId = "coop-bench";
    public const string CollectiveId = "vc-bench";
    public const int FiscalYear = 2025;
    public const string Preparer = "bench.preparer";
    public const string Approver = "bench.approver";

    /// <summary>02:00 on 2 March 2026 in China: the 2025 fiscal year has closed.</summary>
    public static readonly DateTimeOffset Anchor = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Founded = new(2017, 3, 1);

    public int Shareholders { get; } = shareholders > 0 ? shareholders : throw new ArgumentOutOfRangeException(nameof(shareholders));

    public static CooperativeYear Year => new(CooperativeId, FiscalYear);

    public static readonly CooperativeProfile Profile = new(
        "盘州市普古乡舍烹刺梨种植农民专业合作社（基准）", UnifiedSocialCreditCode.WithCheckCharacter("93" + "520281" + "MA6DKB7X1"),
        "520281", "舍烹村", "贵州省六盘水市盘州市普古乡舍烹村", "陶正华", "13985812341", new(2012, 6, 18),
        "基准测试合作社：村民以土地经营权与现金入股。");

    public static readonly VillageCollectiveProfile CollectiveProfile = new(
        "盘州市普古乡舍烹村股份经济合作社（基准）", "520281", "普古乡", "舍烹村",
        UnifiedSocialCreditCode.WithCheckCharacter("N2" + "520281" + "MA6DKB8P2"), "0858-3721001");

    public static readonly Charter Charter = new(
        ReserveRateBp: 1000, WelfareRateBp: 500, TradeReturnRateBp: 6000, ShortfallPolicy.CarryAsLiability,
        [
            new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 40_000),
            new FloorRule(ShareClass.LandRight, FloorKind.CoordinationFeePerMu, 2_000),
        ],
        PreferredExitPolicy.ReassignToPoorHouseholds, PreferredFloorBp: 500);

    public YearEndFigures Figures => new(SurplusFen: Shareholders * 600_000L, PriorLossesFen: 0, ProfitPerMuFen: 120_000);

    public static string MemberId(int index) => $"ind-{index:D6}";

    public IEnumerable<CooperativeMember> Members()
    {
        yield return new(CollectiveId, MemberKind.VillageCollective, "舍烹村股份经济合作社", IsFarmer: false, Founded);
        for (var i = 1; i <= Shareholders; i++)
            yield return new(MemberId(i), MemberKind.Individual, $"社员{i}", IsFarmer: true, Founded);
    }

    public IEnumerable<Holding> Holdings()
    {
        var certificate = 0;
        for (var i = 1; i <= Shareholders; i++)
        {
            var id = MemberId(i);
            if (i % 4 != 0)
            {
                var milliMu = (2 + i % 7) * 1000 + i % 2 * 500;
                var shares = milliMu * 2L;
                yield return new($"h-{id}-land", id, ShareholderKind.OtherMember, ShareClass.LandRight, shares, shares * 100, Founded,
                    Certificate(++certificate), Land: new LandParcel($"PG-SP-{i:D6}", milliMu, Founded, new DateOnly(2037, 2, 28)));
            }
            else
            {
                var shares = 1_000L + i % 10 * 500;
                yield return new($"h-{id}-cash", id, ShareholderKind.OtherMember, ShareClass.Cash, shares, shares * 100, Founded, Certificate(++certificate));
            }
        }

        // The register is kept in date order: the later cash contributions come after all founding holdings.
        for (var i = 5; i <= Shareholders; i += 10)
            yield return new($"h-{MemberId(i)}-cash2", MemberId(i), ShareholderKind.OtherMember, ShareClass.Cash, 2_000, 200_000, new DateOnly(2020, 3, 1), Certificate(++certificate));
    }

    /// <summary>One manual delivery per member in the fiscal year, ¥1,000–¥10,000.</summary>
    public IEnumerable<TradeRecord> Trade()
    {
        for (var i = 1; i <= Shareholders; i++)
            yield return new($"bench-2025-{MemberId(i)}", MemberId(i), 100_000 + i * 7_919L % 900_000, new DateOnly(2025, 9, 20), TradeSource.Manual, "鲜刺梨交售");
    }

    private static string Certificate(int n) => $"舍烹股字第B{n:D7}号";
}
