using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Shares;
using Xunit;

namespace AgriLink.Tests.Shared;

/// <summary>
/// A large cooperative for the crash and failover tests: <see cref="Members"/> individual farmers, each with a cash
/// share, the first <see cref="Traders"/> with 2025 deliveries, and its 2025 dividend prepared, approved by a second
/// admin and publicised from 2026-01-05 to 2026-01-11, so that on the real clock it can be paid. Everything is a
/// function of the index. The silo declaring it must have its platform clock in January 2026 (after the year-end).
/// </summary>
public sealed record PublicisedCashDividend(
    CooperativeProfile Profile, string CooperativeId, string MemberPrefix, int Members, int Traders, string Preparer, string Approver)
{
    public const int FiscalYear = 2025;

    /// <summary>10:00 on 5 January 2026 in China: the 2025 fiscal year has closed.</summary>
    public static readonly DateTimeOffset Anchor = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly NoticeStart = new(2026, 1, 5);
    public static readonly DateOnly NoticeEnd = new(2026, 1, 11);
    public static readonly DateOnly Founded = new(2016, 5, 1);

    public static readonly Charter Charter = new(
        ReserveRateBp: 1000, WelfareRateBp: 500, TradeReturnRateBp: 6000, ShortfallPolicy.CarryAsLiability, [],
        PreferredExitPolicy.ConvertToOrdinary, PreferredFloorBp: 0);

    public CooperativeYear Year => new(CooperativeId, FiscalYear);

    /// <summary>¥1,000 of surplus per member.</summary>
    public YearEndFigures Figures => new(SurplusFen: Members * 100_000L);

    public string MemberId(int i) => $"{MemberPrefix}-{i:D6}";

    /// <summary>Registers and declares it; returns the declaration as publicised.</summary>
    public async Task<DeclarationView> DeclareAsync(IGrainFactory grains)
    {
        var coop = grains.GetGrain<ICooperativeGrain>(CooperativeId);
        await coop.Register(Profile);
        foreach (var batch in Enumerable.Range(1, Members).Chunk(10_000))
            await coop.AddMembers(batch.Select(i => new CooperativeMember(MemberId(i), MemberKind.Individual, $"社员{i}", IsFarmer: true, Founded.AddMonths(1))).ToList());

        var register = grains.GetGrain<IShareRegisterGrain>(CooperativeId);
        await register.SetCharter(Charter);
        foreach (var batch in Enumerable.Range(1, Members).Chunk(10_000))
            await register.IssueMany(batch.Select(Holding).ToList(), Preparer, "现金入股登记");

        // A few deliveries: the trade return goes to them, the rest of the surplus to every share.
        var trade = grains.GetGrain<IMemberTradeGrain>(Year.ToString());
        for (var i = 1; i <= Traders; i++)
            await trade.Record(new TradeRecord($"{MemberPrefix}-2025-{i}", MemberId(i), 100_000 + i * 7_919L, new DateOnly(2025, 9, 20), TradeSource.Manual, "鲜刺梨交售"));

        var declaration = grains.GetGrain<IDividendDeclarationGrain>(Year.ToString());
        var prepared = await declaration.Prepare(Figures, Preparer);
        Assert.Equal(Members, prepared.LineCount);
        await declaration.Approve(Approver);
        var publicised = await declaration.Publicise(NoticeStart, NoticeEnd, Approver);
        Assert.Equal(DeclarationStatus.Publicised, publicised.Declaration.Status);
        return publicised;
    }

    private Holding Holding(int i)
    {
        var shares = 1_000L + i % 10 * 500;
        return new Holding($"h-{MemberId(i)}-cash", MemberId(i), ShareholderKind.OtherMember, ShareClass.Cash, shares, shares * 100,
            Founded.AddMonths(1), $"{MemberPrefix}股字第{i:D6}号");
    }
}
