using AgriLink.Domain.Codes;
using AgriLink.Search;

namespace AgriLink.Benchmarks.Search;

/// <summary>
/// Generated listings that read like Guizhou's: produce and varieties by category, real county names (GB/T 2260),
/// townships, villages, specifications and cooperative names built from them. Seeded, so every run indexes the same.
/// </summary>
public static class SearchCatalogue
{
    private static readonly (string Category, (string Product, string[] Varieties)[] Products)[] Produce =
    [
        ("Fruit", [("刺梨", ["贵农5号", "贵农7号"]), ("猕猴桃", ["贵长", "红阳", "米良1号"]), ("蓝莓", ["兔眼", "北高丛"]), ("李子", ["蜂糖李", "空心李"]),
            ("百香果", ["紫香一号"]), ("脐橙", ["纽荷尔"]), ("枇杷", ["大五星"]), ("火龙果", ["红心"]), ("樱桃", ["玛瑙红"]), ("黄桃", ["锦绣"])]),
        ("Vegetable", [("辣椒", ["朝天椒", "线椒"]), ("土豆", ["威芋3号", "青薯9号"]), ("白菜", ["黄心"]), ("萝卜", ["白萝卜"]), ("折耳根", ["野生"]),
            ("山药", ["铁棍"]), ("生姜", ["小黄姜"]), ("大蒜", ["紫皮"]), ("西红柿", ["粉果"])]),
        ("Tea", [("绿茶", ["福鼎大白"]), ("红茶", ["工夫"]), ("毛尖", ["都匀毛尖"]), ("翠芽", ["湄潭苔茶"]), ("白茶", ["安吉白"]), ("苦丁茶", ["青山"])]),
        ("Mushroom", [("香菇", ["花菇"]), ("木耳", ["黑木耳"]), ("竹荪", ["长裙竹荪"]), ("羊肚菌", ["梯棱"]), ("平菇", ["秀珍"]), ("茶树菇", ["古田"])]),
        ("Grain", [("大米", ["香米"]), ("糯米", ["香禾糯"]), ("菜籽油", ["压榨"]), ("荞麦", ["苦荞"]), ("薏仁米", ["小薏仁"]), ("小米", ["黄小米"])]),
        ("Livestock", [("生态鸡", ["小香鸡"]), ("土鸡蛋", ["林下"]), ("香猪", ["从江香猪"]), ("黑毛猪", ["可乐猪"]), ("黄牛肉", ["关岭牛"]), ("蜂蜜", ["百花"])]),
        ("Spice", [("干辣椒", ["朝天椒"]), ("糍粑辣椒", ["花溪"]), ("花椒", ["青花椒"]), ("油辣椒", ["香辣"])]),
        ("Processed", [("刺梨原浆", ["鲜榨"]), ("猕猴桃果酱", ["低糖"]), ("刺梨果脯", ["无添加"]), ("腊肉", ["烟熏"]), ("米粉", ["鲜"]), ("豆腐干", ["五香"])]),
        ("Medicinal", [("天麻", ["乌天麻"]), ("杜仲", ["树皮"]), ("石斛", ["铁皮石斛"]), ("金银花", ["黄金花"]), ("太子参", ["施乘1号"])]),
    ];

    private static readonly string[] Townships = ["兴隆镇", "六屯镇", "高增乡", "普古乡", "龙场镇", "茅坪镇", "花溪乡", "新场镇", "大河镇", "平坝乡", "红果镇", "石门乡"];
    private static readonly string[] Villages = ["大木村", "龙凤村", "核桃坝村", "舍烹村", "岜扒村", "新寨村", "坪上村", "马场村", "娘娘山村", "白岩村", "沙坝村", "田坝村"];
    private static readonly string[] Specs = ["5斤装", "散装", "礼盒装", "一级", "特级", "500克", "2.5公斤", "10斤装", "家庭装", "食堂大宗"];
    private static readonly string[] Units = ["Jin", "Kilogram", "Box", "Bag", "Carton"];

    /// <summary>What buyers type: products, place + product, varieties, categories, specifications, pinyin and English.</summary>
    public static readonly string[] Queries =
    [
        "刺梨", "猕猴桃", "蓝莓", "天麻", "香菇", "竹荪", "生态鸡", "土鸡蛋", "大米", "糯米", "辣椒", "绿茶", "红茶", "毛尖", "蜂蜜", "石斛",
        "盘州刺梨", "修文猕猴桃", "湄潭翠芽", "威宁土豆", "都匀毛尖", "从江香猪", "关岭黄牛肉", "水城猕猴桃", "遵义红茶", "赫章核桃",
        "贵长", "蜂糖李", "红阳猕猴桃", "铁皮石斛", "乌天麻", "黑木耳", "茶叶", "食用菌", "中药材", "刺梨原浆", "糍粑辣椒",
        "猕猴桃 礼盒装", "大米 食堂大宗", "kiwi", "cili", "tea", "mushroom", "honey",
    ];

    public static IEnumerable<ListingDocument> Generate(int count, int seed = 2026)
    {
        var random = new Random(seed);
        var counties = Regions.Guizhou;
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < count; i++)
        {
            var (category, products) = Produce[random.Next(Produce.Length)];
            var (product, varieties) = products[random.Next(products.Length)];
            var variety = varieties[random.Next(varieties.Length)];
            var county = counties[random.Next(counties.Count)];
            var place = Short(county.Name);
            var township = Townships[random.Next(Townships.Length)];
            var village = Villages[random.Next(Villages.Length)];
            var spec = Specs[random.Next(Specs.Length)];
            var kind = category is "Livestock" ? "养殖" : category is "Processed" ? "加工" : "种植";
            var cooperative = $"{county.Name}{township}{product}{kind}农民专业合作社";
            var title = random.Next(3) == 0 ? $"{place}{product} {spec}" : $"{place}{product} {variety} {spec}";
            var stock = random.Next(10) == 0 ? 0 : random.Next(1, 50_000);
            yield return new ListingDocument(
                $"lst-bench-{i:D6}", $"coop-bench-{county.Code}-{township}", cooperative, title, category,
                random.Next(300, 40_000), Units[random.Next(Units.Length)], stock, random.Next(1, 20), county.Code, county.Name,
                $"贵州省{county.Prefecture}{county.Name}{township}{village}", start.AddMinutes(i), 1, variety, spec,
                $"{title}，产自贵州{county.Name}{village}，{cooperative}统一种植、分拣、冷链发货。带动脱贫户务工增收。",
                new DateOnly(2026, 1 + random.Next(12), 1 + random.Next(28)), random.Next(3, 720),
                PovertyCertified: random.Next(5) == 0, DeepPovertyCounty: county.DeepPoverty,
                Certifications: random.Next(4) == 0 ? ["GreenFood"] : null);
        }
    }

    private static string Short(string county)
    {
        foreach (var suffix in new[] { "特区", "自治县", "县", "市", "区" })
        {
            if (county.EndsWith(suffix, StringComparison.Ordinal) && county.Length - suffix.Length >= 2) return county[..^suffix.Length];
        }
        return county;
    }
}
