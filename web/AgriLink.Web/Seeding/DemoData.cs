using AgriLink.Domain.Buyers;
using AgriLink.Domain.Codes;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Enterprises;
using AgriLink.Domain.Households;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;
using AgriLink.Domain.VillageCollectives;
using AgriLink.Web.Auth;

namespace AgriLink.Web.Seeding;

/// <summary>
/// A realistic Guizhou demo: real counties (GB/T 2260), produce the province is known for, and
/// households whose poverty history follows the 2014 register, the 2019–2020 exits and later monitoring.
/// Names of people and organisations are made up; credit codes are well-formed but fictitious.
/// </summary>
public static class DemoData
{
    public const string Password = "AgriLink#2026";

    /// <summary>The demo operator that signs in with two factors: its authenticator key is published here and printed at start.</summary>
    public const string TwoFactorOperator = "operator.2fa";

    /// <summary>The authenticator (TOTP) key of <see cref="TwoFactorOperator"/>, base32, for any authenticator app.</summary>
    public const string TwoFactorKey = "AGRILINKDEMOSECRETTOTPKEYQ234567";

    public static readonly DemoCooperative[] Cooperatives =
    [
        new("coop-pzcili", new("盘州市普古乡舍烹刺梨种植农民专业合作社", Code("93", "520281", "MA6DKC1L2"), "520281", "舍烹村",
            "贵州省六盘水市盘州市普古乡舍烹村", "陶正华", "13985812341", new(2012, 6, 18),
            "“三变”改革发源地的刺梨合作社：村民以土地经营权入股，合作社统一种植、收购、加工刺梨。"),
            "普古乡", "vc-shepeng", ["舍烹村", "娘娘山村", "播秧村"], "520281211"),
        new("coop-xwkiwi", new("修文县六屯镇猕猴桃种植农民专业合作社", Code("93", "520123", "MA6E0K7W3"), "520123", "大木村",
            "贵州省贵阳市修文县六屯镇大木村", "罗永贵", "13608517722", new(2011, 3, 9),
            "种植“贵长”猕猴桃，统一标准化管护与冷链分拣，带动脱贫户务工与分红。"),
            "六屯镇", "vc-damu", ["大木村", "龙场村"], "520123102"),
        new("coop-mttea", new("湄潭县兴隆镇核桃坝茶叶专业合作社", Code("93", "520328", "MA6HT8B45"), "520328", "核桃坝村",
            "贵州省遵义市湄潭县兴隆镇核桃坝村", "何朝兴", "13885276633", new(2009, 11, 2),
            "“西部生态茶叶第一村”的茶叶合作社：湄潭翠芽、遵义红，茶青统一收购。"),
            "兴隆镇", "vc-hetaoba", ["核桃坝村", "龙凤村"], "520328104"),
        new("coop-cjxiang", new("从江县高增乡生态养殖农民专业合作社", Code("93", "522633", "MA6GJ5Y70"), "522633", "占里村",
            "贵州省黔东南州从江县高增乡占里村", "吴老娥", "13638056690", new(2016, 4, 21),
            "深度贫困县的生态鸡、从江香猪和香禾糯合作社，“合作社+农户”林下养殖。"),
            "高增乡", "vc-zhanli", ["占里村", "岜扒村"], "522633203"),
    ];

    public static readonly (string Id, VillageCollectiveProfile Profile)[] Collectives =
    [
        ("vc-shepeng", new("盘州市普古乡舍烹村股份经济合作社", "520281", "普古乡", "舍烹村", Code("N2", "520281", "MA6DKC9P1"), "0858-3721001")),
        ("vc-damu", new("修文县六屯镇大木村股份经济合作社", "520123", "六屯镇", "大木村", Code("N2", "520123", "MA6E0KA12"))),
        ("vc-hetaoba", new("湄潭县兴隆镇核桃坝村股份经济合作社", "520328", "兴隆镇", "核桃坝村", Code("N2", "520328", "MA6HT8C11"))),
        ("vc-zhanli", new("从江县高增乡占里村股份经济合作社", "522633", "高增乡", "占里村", Code("N2", "522633", "MA6GJ5X21"))),
    ];

    public static readonly (string Id, EnterpriseProfile Profile)[] Enterprises =
    [
        ("ent-qianfeng", new("贵州黔丰农业产业发展有限公司", Code("91", "520115", "MA6H1QF83"), EnterpriseLevel.National, "520115",
            "贵州省贵阳市观山湖区林城西路 88 号", "0851-84118800", "刺梨、猕猴桃精深加工与冷链物流，订单收购合作社鲜果。")),
        ("ent-panshan", new("盘州市盘山刺梨食品有限公司", Code("91", "520281", "MA6DL2T55"), EnterpriseLevel.Provincial, "520281",
            "贵州省六盘水市盘州市红果街道工业园区", "0858-3635566", "刺梨原浆、刺梨果脯加工，入股合作社并保底收购。")),
    ];

    public static readonly (string Id, BuyerProfile Profile)[] Buyers =
    [
        ("buyer-gzcanteen", new("广州市荔湾区机关事务管理局机关食堂", BuyerType.BudgetUnit, "440103", "陈晓燕", "020-81234567", Code("11", "440103", "MB2C1873X"))),
        ("buyer-gzunion", new("广州市荔湾区总工会", BuyerType.Union, "440103", "梁志强", "13802233445", Code("81", "440103", "MC0U1029K"), "buyer-gzcanteen")),
        ("buyer-ewpartner", new("广州市对口帮扶黔南州东西部协作工作队", BuyerType.EastWestPartner, "440100", "黄建明", "13922887766", Code("11", "440100", "MB0E4521F"))),
        ("buyer-qianneng", new("黔能能源集团有限公司", BuyerType.StateEnterprise, "520102", "刘洋", "0851-85550123", Code("91", "520102", "MA6Q0N3E1"))),
        ("buyer-zhangwei", new("张伟", BuyerType.Individual, "520102", "张伟", "13765001234")),
    ];

    public static readonly DemoAccount[] Accounts =
    [
        new("operator", "省乡村振兴局平台运营", Roles.PlatformAdmin),
        new(TwoFactorOperator, "省乡村振兴局平台运营（两步验证）", Roles.PlatformAdmin),
        new("coop.panzhou", "陶正华（舍烹刺梨合作社）", Roles.CooperativeAdmin, AgriLinkClaims.Cooperative, "coop-pzcili"),
        new("coop.panzhou.finance", "李会计（舍烹刺梨合作社）", Roles.CooperativeAdmin, AgriLinkClaims.Cooperative, "coop-pzcili"),
        new("coop.xiuwen", "罗永贵（六屯猕猴桃合作社）", Roles.CooperativeAdmin, AgriLinkClaims.Cooperative, "coop-xwkiwi"),
        new("coop.meitan", "何朝兴（核桃坝茶叶合作社）", Roles.CooperativeAdmin, AgriLinkClaims.Cooperative, "coop-mttea"),
        new("coop.congjiang", "吴老娥（占里生态养殖合作社）", Roles.CooperativeAdmin, AgriLinkClaims.Cooperative, "coop-cjxiang"),
        new("ent.qianfeng", "黔丰农业采购部", Roles.EnterpriseAdmin, AgriLinkClaims.Enterprise, "ent-qianfeng"),
        new("ent.panshan", "盘山刺梨食品投资部", Roles.EnterpriseAdmin, AgriLinkClaims.Enterprise, "ent-panshan"),
        new("farmer.pz01", "舍烹村农户", Roles.Household, AgriLinkClaims.Household, "hh-pz01"),
        new("farmer.cj02", "占里村农户", Roles.Household, AgriLinkClaims.Household, "hh-cj02"),
        new("buyer.canteen", "荔湾区机关食堂采购员", Roles.Buyer, AgriLinkClaims.Buyer, "buyer-gzcanteen"),
        new("buyer.union", "荔湾区总工会", Roles.Buyer, AgriLinkClaims.Buyer, "buyer-gzunion"),
        new("buyer.consumer", "张伟", Roles.Buyer, AgriLinkClaims.Buyer, "buyer-zhangwei"),
        new("county.panzhou", "盘州市乡村振兴局", Roles.CountyOfficer, AgriLinkClaims.County, "520281"),
        new("county.xiuwen", "修文县乡村振兴局", Roles.CountyOfficer, AgriLinkClaims.County, "520123"),
        new("township.pugu", "普古乡乡村振兴工作站", Roles.TownshipOfficer, AgriLinkClaims.Area, ShepengTownship),
        new("cadre.shepeng", "舍烹村驻村第一书记", Roles.VillageCadre, AgriLinkClaims.Area, ShepengVillage),
        new("province.guizhou", "贵州省乡村振兴局", Roles.RegionOfficer, AgriLinkClaims.Area, "52"),
        new("prefecture.liupanshui", "六盘水市乡村振兴局", Roles.RegionOfficer, AgriLinkClaims.Area, "5202"),
    ];

    /// <summary>
    /// 普古彝族苗族乡 of 盘州市, its 9-digit code shaped after 盘县's 520222211 under the city's 520281. The demo's township and
    /// village codes follow the 统计用区划代码's structure (county, township, village); only the counties' six digits are checked.
    /// </summary>
    public const string ShepengTownship = "520281211";

    /// <summary>舍烹村: the village of the demo's cadre (the last three digits are the demo's own, see <see cref="DemoCooperative"/>).</summary>
    public const string ShepengVillage = "520281211201";

    /// <summary>
    /// 防返贫监测 cases in 舍烹村, so its cadre and the township have work: a household's own report waiting for the village's
    /// review, and a visit the village reviewed, waiting for the township's check.
    /// </summary>
    public static readonly (string CaseId, string HouseholdId, string Note, string? VillageReview)[] Cases =
    [
        ("mc-demoshepeng1", "hh-pz03", "家中主要劳动力务工受伤，今年务工收入大减，申请纳入监测", null),
        ("mc-demoshepeng2", "hh-pz09", "入户走访：孩子患慢性病，医疗支出较大", "村民代表 11 人评议，同意纳入监测，报乡镇审核"),
    ];

    /// <summary>A visit the 舍烹村 first secretary logged (no risk found), for the visit page: its id, household and notes.</summary>
    public static readonly (string VisitId, string HouseholdId, string Note) Visit =
        ("mv-demoshepeng1", "hh-pz03", "回访：伤情好转，已在村合作社基地务工，收入有所恢复");

    private static readonly string[] Surnames = ["王", "李", "杨", "吴", "龙", "罗", "陈", "刘", "石", "潘", "韦", "张"];
    private static readonly string[] GivenNames =
        ["德明", "光荣", "正芬", "永福", "秀英", "国强", "朝贵", "兴发", "小红", "文学", "开富", "玉兰"];

    /// <summary>Eleven households per cooperative: about a third on the 2014 register, some later monitored.</summary>
    public static IEnumerable<(string Id, string CooperativeId, HouseholdProfile Profile, PovertyStatusChange[] History)> Households()
    {
        var prefixes = new Dictionary<string, string> { ["coop-pzcili"] = "pz", ["coop-xwkiwi"] = "xw", ["coop-mttea"] = "mt", ["coop-cjxiang"] = "cj" };
        var n = 0;
        foreach (var coop in Cooperatives)
        {
            for (var i = 1; i <= 11; i++, n++)
            {
                var name = Surnames[(n * 5 + i) % Surnames.Length] + GivenNames[(n * 7 + i * 3) % GivenNames.Length];
                var village = coop.Villages[i % coop.Villages.Length];
                var profile = new HouseholdProfile(name, coop.Profile.CountyCode, coop.Township, village,
                    2 + (n * 3 + i) % 5, i % 3 == 0 ? null : $"139{(85000000 + n * 7919) % 100000000:D8}", coop.VillageCode(village));
                yield return ($"hh-{prefixes[coop.Id]}{i:D2}", coop.Id, profile, History(i));
            }
        }
    }

    private static PovertyStatusChange[] History(int i) => (i % 6) switch
    {
        1 or 4 =>
        [
            new(PovertyStatus.RegisteredPoor, new(2014, 10, 15), "精准识别建档立卡", "demo"),
            new(PovertyStatus.Exited, new(2019, 12, 20), "达到“一达标两不愁三保障”，退出", "demo"),
        ],
        2 =>
        [
            new(PovertyStatus.RegisteredPoor, new(2014, 10, 15), "精准识别建档立卡", "demo"),
            new(PovertyStatus.Exited, new(2020, 11, 23), "随县整体脱贫退出", "demo"),
            new(PovertyStatus.Monitored, new(2022, 6, 8), "家庭成员重病，纳入防返贫监测", "demo"),
        ],
        3 => [new(PovertyStatus.RegisteredPoor, new(2014, 10, 15), "精准识别建档立卡", "demo")],
        _ => [],
    };

    /// <summary>Produce each cooperative is known for, at realistic prices.</summary>
    public static readonly (string Id, string CooperativeId, ListingDraft Draft, bool Publish)[] Listings =
    [
        L("lst-pzcilifresh", "coop-pzcili", "盘州鲜刺梨", ProduceCategory.Fruit, Unit.Jin, 650, 8000, 50, "520281", "舍烹村", "贵农5号", "单果10克以上，9月采收", new(2026, 9, 10), 20),
        L("lst-pzcilijuice", "coop-pzcili", "刺梨原浆 500毫升×6瓶", ProduceCategory.Processed, Unit.Box, 16800, 1200, 1, "520281", "舍烹村", null, "500ml×6瓶/箱", new(2026, 9, 20), 365),
        L("lst-pzcilidried", "coop-pzcili", "刺梨果脯 250克", ProduceCategory.Processed, Unit.Bag, 2990, 3000, 10, "520281", "娘娘山村", null, "250g/袋", new(2026, 10, 5), 270),
        L("lst-pzcilitea", "coop-pzcili", "刺梨干片代用茶", ProduceCategory.Tea, Unit.Carton, 5800, 600, 5, "520281", "舍烹村", null, "150g/盒", new(2026, 10, 1), 540),
        L("lst-pzwalnut", "coop-pzcili", "盘州核桃 带壳", ProduceCategory.Other, Unit.Jin, 1800, 2500, 20, "520281", "播秧村", "薄壳", "带壳干果", new(2026, 9, 25), 300),
        L("lst-pztealeaf", "coop-pzcili", "娘娘山高山绿茶", ProduceCategory.Tea, Unit.Jin, 26000, 0, 1, "520281", "娘娘山村", "福鼎大白", "明前 一芽一叶", new(2026, 4, 2), 365),
        L("lst-xwkiwi5jin", "coop-xwkiwi", "修文猕猴桃 贵长 5斤装", ProduceCategory.Fruit, Unit.Box, 6900, 2000, 1, "520123", "大木村", "贵长", "5斤/箱 单果80–120克", new(2026, 10, 8), 45),
        L("lst-xwkiwibulk", "coop-xwkiwi", "修文猕猴桃 鲜果散装", ProduceCategory.Fruit, Unit.Jin, 850, 40000, 500, "520123", "龙场村", "贵长", "统货 食堂大宗采购", new(2026, 10, 8), 45),
        L("lst-xwkiwired", "coop-xwkiwi", "红心猕猴桃", ProduceCategory.Fruit, Unit.Jin, 1200, 6000, 20, "520123", "大木村", "红阳", "单果70克以上", new(2026, 9, 1), 30),
        L("lst-xwkiwijam", "coop-xwkiwi", "猕猴桃果酱 300克", ProduceCategory.Processed, Unit.Bottle, 2500, 1500, 6, "520123", "大木村", null, "300g/瓶", new(2026, 10, 20), 365),
        L("lst-xwchili", "coop-xwkiwi", "修文朝天椒 干辣椒", ProduceCategory.Spice, Unit.Jin, 2800, 3000, 10, "520123", "龙场村", "朝天椒", "晒干 去蒂", new(2026, 8, 30), 365),
        L("lst-mtcuiya", "coop-mttea", "湄潭翠芽 特级 250克", ProduceCategory.Tea, Unit.Carton, 19800, 800, 1, "520328", "核桃坝村", "湄潭苔茶", "250g/盒 明前", new(2026, 3, 25), 540),
        L("lst-mtzunyihong", "coop-mttea", "遵义红 工夫红茶 200克", ProduceCategory.Tea, Unit.Carton, 15800, 700, 1, "520328", "核桃坝村", null, "200g/盒", new(2026, 5, 10), 720),
        L("lst-mtgreenbulk", "coop-mttea", "湄潭绿茶 一级 散装", ProduceCategory.Tea, Unit.Jin, 12000, 5000, 10, "520328", "龙凤村", "福鼎大白", "机关食堂用茶", new(2026, 4, 15), 540),
        L("lst-mtshiitake", "coop-mttea", "湄潭香菇 干品", ProduceCategory.Mushroom, Unit.Jin, 4500, 2000, 5, "520328", "龙凤村", "花菇", "林下段木栽培", new(2026, 3, 1), 365),
        L("lst-mtrice", "coop-mttea", "湄潭茶香米", ProduceCategory.Grain, Unit.Kilogram, 900, 20000, 100, "520328", "核桃坝村", null, "25公斤/袋", new(2026, 9, 28), 365),
        L("lst-cjchicken", "coop-cjxiang", "从江林下生态鸡", ProduceCategory.Livestock, Unit.Head, 16800, 900, 1, "522633", "占里村", "小香鸡", "散养300天 约2.5斤/只", null, 3),
        L("lst-cjeggs", "coop-cjxiang", "林下土鸡蛋 30枚", ProduceCategory.Livestock, Unit.Carton, 4500, 1200, 1, "522633", "占里村", null, "30枚/盒", new(2026, 11, 20), 30),
        L("lst-cjpig", "coop-cjxiang", "从江香猪 鲜肉", ProduceCategory.Livestock, Unit.Jin, 4800, 3000, 5, "522633", "岜扒村", "从江香猪", "冷鲜分割", null, 5),
        L("lst-cjglutinous", "coop-cjxiang", "从江香禾糯", ProduceCategory.Grain, Unit.Jin, 1500, 10000, 20, "522633", "岜扒村", "香禾糯", "梯田种植 一年一季", new(2026, 10, 15), 365),
        L("lst-cjfungus", "coop-cjxiang", "黑木耳 干品", ProduceCategory.Mushroom, Unit.Jin, 6000, 1500, 5, "522633", "占里村", null, "椴木黑木耳", new(2026, 8, 20), 540),
        L("lst-cjchilipaste", "coop-cjxiang", "糍粑辣椒 260克", ProduceCategory.Spice, Unit.Bottle, 1990, 2500, 6, "522633", "占里村", null, "260g/瓶", new(2026, 10, 30), 180),
        L("lst-cjbamboo", "coop-cjxiang", "竹荪 干品 100克", ProduceCategory.Mushroom, Unit.Bag, 8800, 600, 1, "522633", "岜扒村", "长裙竹荪", "100g/袋", new(2026, 7, 15), 540),
        L("lst-cjdraftpassion", "coop-cjxiang", "百香果（待上架）", ProduceCategory.Fruit, Unit.Jin, 900, 0, 20, "522633", "占里村", "紫香一号", "筹备中", null, 20, publish: false),
    ];

    private static (string, string, ListingDraft, bool) L(string id, string coop, string title, ProduceCategory category, Unit unit,
        long priceFen, decimal stock, decimal minOrder, string county, string village, string? variety, string spec,
        DateOnly? harvest, int shelfLife, bool publish = true) =>
        (id, coop, new ListingDraft(title, category, unit, priceFen, stock, minOrder, county, village, variety, spec,
            $"{title}，产自贵州{village}，合作社统一分拣发货。", harvest, shelfLife), publish);

    private static string Code(string prefix, string division, string organisation) =>
        UnifiedSocialCreditCode.WithCheckCharacter(prefix + division + organisation);
}
