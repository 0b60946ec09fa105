using AgriLink.Domain.Buyers;
using AgriLink.Domain.Codes;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Enterprises;
using AgriLink.Domain.Households;
using AgriLink.Domain.Identifiers;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;
using AgriLink.Domain.VillageCollectives;

namespace AgriLink.Grains.Tests;

/// <summary>Valid Guizhou sample data (in the spirit of the demo seed), plus fresh ids so tests never share a grain.</summary>
internal static class Samples
{
    public static string CooperativeId() => Ids.New(Ids.Cooperative);
    public static string HouseholdId() => Ids.New(Ids.Household);
    public static string EnterpriseId() => Ids.New(Ids.Enterprise);
    public static string CollectiveId() => Ids.New(Ids.VillageCollective);
    public static string BuyerId() => Ids.New(Ids.Buyer);
    public static string ListingId() => Ids.New(Ids.Listing);

    public static string CreditCode(string prefix, string division, string organisation) =>
        UnifiedSocialCreditCode.WithCheckCharacter(prefix + division + organisation);

    /// <summary>A code whose last (check) character is wrong, as a one-key typo would make it.</summary>
    public static string CreditCodeWithWrongCheck(string prefix, string division, string organisation)
    {
        var valid = CreditCode(prefix, division, organisation);
        return valid[..^1] + (valid[^1] == '0' ? '1' : '0');
    }

    public static CooperativeProfile Cooperative(string name = "盘州市普古乡舍烹刺梨种植农民专业合作社") =>
        new(name, CreditCode("93", "520281", "MA6DKC1L2"), "520281", "舍烹村",
            "贵州省六盘水市盘州市普古乡舍烹村", "陶正华", "13985812341", new(2012, 6, 18),
            "“三变”改革发源地的刺梨合作社。");

    public static HouseholdProfile Household(string headName = "王德明") =>
        new(headName, "520281", "普古乡", "舍烹村", 4, "13985001234");

    public static EnterpriseProfile Enterprise(string name = "贵州黔丰农业产业发展有限公司") =>
        new(name, CreditCode("91", "520115", "MA6H1QF83"), EnterpriseLevel.National, "520115",
            "贵州省贵阳市观山湖区林城西路 88 号", "0851-84118800", "刺梨、猕猴桃精深加工与冷链物流。");

    public static VillageCollectiveProfile Collective(string name = "修文县六屯镇大木村股份经济合作社") =>
        new(name, "520123", "六屯镇", "大木村", CreditCode("N2", "520123", "MA6E0KA12"), "0851-82351234");

    public static BuyerProfile Buyer(string name = "广州市荔湾区机关事务管理局机关食堂", string? parentBuyerId = null) =>
        new(name, BuyerType.BudgetUnit, "440103", "陈晓燕", "020-81234567", CreditCode("11", "440103", "MB2C1873X"), parentBuyerId);

    public static ListingDraft Listing(decimal stock = 8000, string title = "盘州鲜刺梨") =>
        new(title, ProduceCategory.Fruit, Unit.Jin, 650, stock, 50, "520281", "舍烹村", "贵农5号",
            "单果10克以上，9月采收", "产自贵州舍烹村，合作社统一分拣发货。", new(2026, 5, 10), 20);

    public static PovertyStatusChange Change(PovertyStatus status, DateOnly effectiveOn, string reason = "村民代表大会评议，乡镇审核") =>
        new(status, effectiveOn, reason, "tester");
}
