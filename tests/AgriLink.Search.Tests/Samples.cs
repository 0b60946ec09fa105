namespace AgriLink.Search.Tests;

/// <summary>A small hand-made catalogue for the contract suite: enough variety for every filter, facet and sort.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 10, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public static ListingDocument Doc(string id, string title, string category = "Fruit", long priceFen = 1000, decimal stock = 100,
        string county = "520281", string countyName = "盘州市", long version = 1, int minutesAfterStart = 0, string? variety = null,
        bool certified = false, DateOnly? harvest = null, string cooperative = "盘州市普古乡舍烹刺梨种植农民专业合作社",
        IReadOnlyList<string>? claimed = null, string? description = null, decimal minOrder = 1) =>
        new(id, "coop-" + county, cooperative, title, category, priceFen, "Jin", stock, minOrder, county, countyName,
            $"贵州省{countyName}某村", Start.AddMinutes(minutesAfterStart), version, variety, null,
            description ?? $"{title}，产自贵州，合作社统一分拣发货。", harvest, 30, certified, false, claimed);

    public static IReadOnlyList<ListingDocument> Catalogue() =>
    [
        Doc("cili", "盘州鲜刺梨", "Fruit", 650, 8000, variety: "贵农5号", harvest: new(2026, 9, 10), minutesAfterStart: 1),
        Doc("cili-juice", "刺梨原浆 500毫升×6瓶", "Processed", 16800, 1200, certified: true, harvest: new(2026, 9, 20), minutesAfterStart: 2),
        Doc("kiwi", "修文猕猴桃 贵长 5斤装", "Fruit", 6900, 2000, "520123", "修文县", variety: "贵长", harvest: new(2026, 10, 8),
            cooperative: "修文县六屯镇猕猴桃种植农民专业合作社", claimed: ["GreenFood"], minutesAfterStart: 3),
        Doc("kiwi-red", "红心猕猴桃", "Fruit", 1200, 0, "520123", "修文县", variety: "红阳", harvest: new(2026, 9, 1),
            cooperative: "修文县六屯镇猕猴桃种植农民专业合作社", minutesAfterStart: 4),
        Doc("tea", "湄潭翠芽 特级 250克", "Tea", 19800, 800, "520328", "湄潭县", harvest: new(2026, 3, 25),
            cooperative: "湄潭县兴隆镇核桃坝茶叶专业合作社", claimed: ["Organic", "GeographicalIndication"], minutesAfterStart: 5),
        Doc("chicken", "从江林下生态鸡", "Livestock", 16800, 900, "522633", "从江县", variety: "小香鸡", certified: true,
            cooperative: "从江县高增乡生态养殖农民专业合作社", minutesAfterStart: 6),
        Doc("rice", "从江香禾糯", "Grain", 1500, 10000, "522633", "从江县", certified: true, harvest: new(2026, 10, 15),
            cooperative: "从江县高增乡生态养殖农民专业合作社", minutesAfterStart: 7),
        Doc("walnut", "盘州核桃 带壳", "Other", 1800, 2500, harvest: new(2026, 9, 25), minutesAfterStart: 8,
            cooperative: "盘州市播秧村核桃种植农民专业合作社"),
    ];
}
