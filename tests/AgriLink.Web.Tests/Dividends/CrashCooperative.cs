using AgriLink.Domain.Codes;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Shares;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// A large cooperative for the crash test: <see cref="Members"/> individual farmers, each with a cash share, a few
/// with 2025 deliveries, and its 2025 declaration prepared, approved by a second admin and publicised from
/// 2026-01-05 to 2026-01-11, so that (on the real clock) it can be paid. Everything is a function of the index.
/// </summary>
public sealed class CrashCooperative(int members)
{
    public const string Id = "coop-crash";
    public const int FiscalYear = 2025;
    public const string Preparer = "coop.crash.preparer";
    public const string Approver = "coop.crash.finance";
    public const int Traders = 12;

    /// <summary>10:00 on 5 January 2026 in China: the 2025 fiscal year has closed.</summary>
    public static readonly DateTimeOffset Anchor = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly NoticeStart = new(2026, 1, 5);
    public static readonly DateOnly NoticeEnd = new(2026, 1, 11);

    private static readonly DateOnly Founded = new(2016, 5, 1);

    public int Members { get; } = members;

    public static CooperativeYear Year => new(Id, FiscalYear);

    public static readonly CooperativeProfile Profile = new(
        "盘州市普古乡崩溃恢复测试农民专业合作社", UnifiedSocialCreditCode.WithCheckCharacter("93" + "520281" + "MA6CR7XT2"), "520281", "舍烹村",
        "贵州省六盘水市盘州市普古乡舍烹村", "陶正华", "13985812341", Founded, "崩溃恢复测试：两万名社员的现金股。");

    public static readonly Charter Charter = new(
        ReserveRateBp: 1000, WelfareRateBp: 500, TradeReturnRateBp: 6000, ShortfallPolicy.CarryAsLiability, [],
        PreferredExitPolicy.ConvertToOrdinary, PreferredFloorBp: 0);

    /// <summary>¥1,000 of surplus per member.</summary>
    public YearEndFigures Figures => new(SurplusFen: Members * 100_000L);

    public static string MemberId(int i) => $"cm-{i:D6}";

    /// <summary>Registers and declares it; returns the declaration as publicised.</summary>
    public async Task<DeclarationView> PrepareAsync(IGrainFactory grains)
    {
        var coop = grains.GetGrain<ICooperativeGrain>(Id);
        await coop.Register(Profile);
        var all = Enumerable.Range(1, Members)
            .Select(i => new CooperativeMember(MemberId(i), MemberKind.Individual, $"社员{i}", IsFarmer: true, Founded.AddMonths(1)))
            .ToList();
        foreach (var batch in all.Chunk(10_000)) await coop.AddMembers(batch);

        var register = grains.GetGrain<IShareRegisterGrain>(Id);
        await register.SetCharter(Charter);
        var holdings = Enumerable.Range(1, Members).Select(i =>
        {
            var shares = 1_000L + i % 10 * 500;
            return new Holding($"h-{MemberId(i)}-cash", MemberId(i), ShareholderKind.OtherMember, ShareClass.Cash, shares, shares * 100,
                Founded.AddMonths(1), $"崩溃股字第{i:D6}号");
        }).ToList();
        foreach (var batch in holdings.Chunk(10_000)) await register.IssueMany(batch, Preparer, "现金入股登记");

        // A few deliveries: the trade return goes to them, the rest of the surplus to every share.
        var trade = grains.GetGrain<IMemberTradeGrain>(Year.ToString());
        for (var i = 1; i <= Traders; i++)
            await trade.Record(new TradeRecord($"crash-2025-{MemberId(i)}", MemberId(i), 100_000 + i * 7_919L, new DateOnly(2025, 9, 20), TradeSource.Manual, "鲜刺梨交售"));

        var declaration = grains.GetGrain<IDividendDeclarationGrain>(Year.ToString());
        var prepared = await declaration.Prepare(Figures, Preparer);
        Assert.Equal(Members, prepared.LineCount);
        await declaration.Approve(Approver);
        return await declaration.Publicise(NoticeStart, NoticeEnd, Approver);
    }
}
