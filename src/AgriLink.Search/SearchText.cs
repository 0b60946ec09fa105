namespace AgriLink.Search;

/// <summary>
/// The searchable text of a listing, the same for every backend: what a buyer types for it. <see cref="Name"/> (title and
/// variety) weighs most, then the origin, the cooperative, and the rest of the description. <see cref="Aliases"/> carries
/// the category's Chinese label plus pinyin and English names of the produce and places its name and origin mention, so that
/// <c>kiwi</c>, <c>mihoutao</c> or <c>panzhou</c> find 猕猴桃 and 盘州.
/// </summary>
public static class SearchText
{
    public static string Name(ListingDocument d) => Join(d.Title, d.Variety);

    public static string Body(ListingDocument d) => Join(d.Specification, d.Description);

    public static string Origin(ListingDocument d) => Join(d.Origin, d.CountyName);

    public static string Aliases(ListingDocument d)
    {
        var text = string.Concat(d.Title, " ", d.Variety, " ", d.CountyName, " ", d.Origin);
        var words = new List<string> { SearchLabels.Category(d.Category), d.Category };
        if (CategoryAliases.TryGetValue(d.Category, out var category)) words.Add(category);
        foreach (var (chinese, alias) in Terms)
        {
            if (text.Contains(chinese, StringComparison.Ordinal)) words.Add(alias);
        }
        return string.Join(' ', words.Distinct(StringComparer.Ordinal));
    }

    /// <summary>The facet value of a county: code and name together, so a facet needs no lookup.</summary>
    public static string CountyFacet(ListingDocument d) => $"{d.CountyCode}\t{d.CountyName}";

    public static (string Code, string Name) SplitCountyFacet(string value)
    {
        var tab = value.IndexOf('\t', StringComparison.Ordinal);
        return tab < 0 ? (value, value) : (value[..tab], value[(tab + 1)..]);
    }

    /// <summary>Certification facet values: <see cref="SearchLabels.Poverty"/> for 扶贫产品认定, then the claimed kinds.</summary>
    public static IReadOnlyList<string> Certifications(ListingDocument d)
    {
        var all = new List<string>();
        if (d.PovertyCertified) all.Add(SearchLabels.Poverty);
        if (d.Certifications is { } claimed) all.AddRange(claimed.Where(c => !string.IsNullOrWhiteSpace(c)));
        return all.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Days since 0001-01-01 (<see cref="DateOnly.DayNumber"/>), for harvest range filters.</summary>
    public static int? HarvestDay(ListingDocument d) => d.HarvestDate?.DayNumber;

    /// <summary>The quantity sold in thousandths of the unit: an integer to sort by.</summary>
    public static long SoldMilli(ListingDocument d) => (long)decimal.Round(d.Sold * 1000m, MidpointRounding.AwayFromZero);

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static readonly Dictionary<string, string> CategoryAliases = new(StringComparer.Ordinal)
    {
        ["Fruit"] = "shuiguo fruit fruits",
        ["Vegetable"] = "shucai vegetable vegetables",
        ["Tea"] = "chaye tea",
        ["Mushroom"] = "shiyongjun mushroom mushrooms fungi",
        ["Grain"] = "liangyou grain grains oil",
        ["Livestock"] = "xuqin livestock poultry meat",
        ["Spice"] = "tiaoweipin spice spices condiment",
        ["Processed"] = "jiagong processed",
        ["Medicinal"] = "zhongyaocai herb herbs medicinal",
    };

    /// <summary>
    /// Produce and places of Guizhou with their pinyin and English names and the everyday Chinese words buyers use for them
    /// (香米 → 大米, 原浆 → 果汁): a small domain dictionary.
    /// </summary>
    private static readonly (string Chinese, string Alias)[] Terms =
    [
        ("刺梨", "cili roxburgh rose"),
        ("猕猴桃", "mihoutao kiwi kiwifruit"),
        ("蓝莓", "lanmei blueberry"),
        ("百香果", "baixiangguo passion fruit"),
        ("李子", "lizi plum"),
        ("黄桃", "huangtao peach"),
        ("梨子", "lizi pear"),
        ("核桃", "hetao walnut walnuts"),
        ("茶", "cha tea"),
        ("绿茶", "lvcha green tea"),
        ("红茶", "hongcha black tea"),
        ("翠芽", "cuiya"),
        ("毛尖", "maojian"),
        ("香菇", "xianggu shiitake mushroom 干香菇"),
        ("木耳", "muer fungus"),
        ("竹荪", "zhusun bamboo fungus"),
        ("鸡蛋", "jidan egg eggs"),
        ("鸡", "ji chicken"),
        ("猪", "zhu pork pig 猪肉"),
        ("牛", "niu beef"),
        ("大米", "dami rice"),
        ("香米", "xiangmi rice 大米"),
        ("糯", "nuomi glutinous rice 糯米"),
        ("辣椒", "lajiao chili chilli pepper"),
        ("天麻", "tianma gastrodia"),
        ("果酱", "guojiang jam"),
        ("原浆", "yuanjiang juice 果汁 刺梨汁"),
        ("果脯", "guofu dried fruit"),
        ("菜籽油", "caiziyou rapeseed oil"),
        ("土豆", "tudou potato potatoes"),
        ("马铃薯", "malingshu potato potatoes"),
        ("贵州", "guizhou"),
        ("盘州", "panzhou"),
        ("修文", "xiuwen"),
        ("湄潭", "meitan"),
        ("遵义", "zunyi"),
        ("从江", "congjiang"),
        ("都匀", "duyun"),
        ("六盘水", "liupanshui"),
        ("黔东南", "qiandongnan"),
        ("贵阳", "guiyang"),
        ("威宁", "weining"),
        ("水城", "shuicheng"),
        ("榕江", "rongjiang"),
        ("凯里", "kaili"),
        ("毕节", "bijie"),
        ("安顺", "anshun"),
        ("铜仁", "tongren"),
        ("黔南", "qiannan"),
        ("黔西南", "qianxinan"),
    ];
}
