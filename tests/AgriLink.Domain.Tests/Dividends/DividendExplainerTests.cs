using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Shares;
using Xunit;

namespace AgriLink.Domain.Tests.Dividends;

public class DividendExplainerTests
{
    private static DividendComponent Component(DividendComponentKind kind, long amount, ComponentBasis basis) => new(kind, "h1", amount, basis);

    public static TheoryData<DividendComponent, string, string> Cases => new()
    {
        {
            Component(DividendComponentKind.TradeReturn, 25_200_00, new(TradeVolumeFen: 50_000_00, TotalTradeFen: 500_000_00, PoolFen: 252_000_00)),
            "交易返还：您卖给合作社 50,000 元，全体社员共 500,000 元，返还款 252,000 元 按比例分，您得 25,200 元",
            "Trade return: you sold ¥50,000 of the members' ¥500,000 to the cooperative; your part of the ¥252,000 return pool is ¥25,200"
        },
        {
            Component(DividendComponentKind.Floor, 3_000_00, new(ShareClass.LoanBacked, FloorKind.PercentOfPrincipal, PrincipalFen: 50_000_00, RateBp: 600, DueFen: 3_000_00)),
            "特惠贷股保底：本金 50,000 元 × 6% = 3,000 元",
            "Poverty loan share floor: principal ¥50,000 × 6% = ¥3,000"
        },
        {
            Component(DividendComponentKind.Floor, 1_234_56, new(ShareClass.LandRight, FloorKind.PerMu, 2_500, 493_83, DueFen: 1_234_58)),
            "土地保底：2.5 亩 × 每亩 493.83 元 = 1,234.58 元；今年盈余不够，按比例实发 1,234.56 元",
            "Land floor: 2.5 mu × ¥493.83 per mu = ¥1,234.58; the surplus fell short, so ¥1,234.56 is paid pro rata"
        },
        {
            Component(DividendComponentKind.FloorLiability, 600_00, new(DueFen: 2_400_00)),
            "欠发保底：600 元，合作社记账欠您，以后补发",
            "Floor still owed: ¥600, recorded as a debt of the cooperative to be paid later"
        },
        {
            Component(DividendComponentKind.CollectiveDeduction, -150_00, new(AreaMilliMu: 6_000, PerMuFen: 25_00)),
            "村集体协调费：6 亩 × 每亩 25 元，扣 150 元",
            "Village coordination fee: 6 mu × ¥25 per mu, ¥150 deducted"
        },
        {
            Component(DividendComponentKind.SecondRound, 500_00, new(Shares: 10, TotalShares: 1_000, PoolFen: 50_000_00)),
            "二次分红：您有 10 股，全社 1,000 股分 50,000 元，您得 500 元",
            "Second round: your 10 of 1,000 shares in ¥50,000 = ¥500"
        },
        {
            Component(DividendComponentKind.Floor, 1_300_00, new(ShareClass.FiscalFund, FloorKind.PercentOfPrincipal, PrincipalFen: 20_000_00, RateBp: 650, HoldingYear: 2, DueFen: 1_300_00)),
            "财政资金股保底：本金 20,000 元 × 6.5% = 1,300 元（入股第 2 年）",
            "Fiscal fund share floor: principal ¥20,000 × 6.5% = ¥1,300 (year 2)"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ComponentIsSaidInPlainChineseAndEnglish(DividendComponent component, string chinese, string english)
    {
        Assert.Equal(chinese, DividendExplainer.Explain(component, "zh-CN"));
        Assert.Equal(english, DividendExplainer.Explain(component, "en"));
    }

    [Fact]
    public void UnknownCultureIsRefused() =>
        Assert.Contains("culture", Assert.Throws<ValidationFailedException>(() =>
            DividendExplainer.Explain(Component(DividendComponentKind.SecondRound, 1, new()), "fr")).Errors.Keys);

    [Fact]
    public void DistributionStepsAreSummarisedForThePublicNotice()
    {
        var charter = DividendSamples.Charter() with { ReserveRateBp = 1_000 };
        var inputs = DividendSamples.Inputs(400_000_00, [DividendSamples.Funded("c1", "hh-a", ShareClass.Cash, 10_000_00)], new MemberTrade("hh-b", 1_000_000_00));

        var lines = DividendExplainer.ExplainDistribution(SurplusDistributor.Distribute(charter, inputs), "zh-CN");

        Assert.Equal(
        [
            "2023 年盈余：400,000 元",
            "提取公积金 10%：40,000 元",
            "可分配盈余：360,000 元",
            "按交易额返还：252,000 元",
            "按股分配：108,000 元，其中保底 0 元，二次分红 108,000 元",
            "合计发放：360,000 元",
        ], lines);
    }
}
