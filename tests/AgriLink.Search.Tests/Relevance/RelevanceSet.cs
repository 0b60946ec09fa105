namespace AgriLink.Search.Tests.Relevance;

/// <summary>
/// What a buyer types and which demo listings they would expect (judged by reading the catalogue, before running
/// either engine): produce, places, varieties, categories, combinations, pinyin and English, everyday synonyms,
/// and a few that no engine here gets (明前茶, 前茶 never occurs) so the figures are not flattered.
/// </summary>
public static class RelevanceSet
{
    private static readonly string[] Cili = ["lst-pz-cili-fresh", "lst-pz-cili-juice", "lst-pz-cili-dried", "lst-pz-cili-tea"];
    private static readonly string[] Kiwi = ["lst-xw-kiwi-5jin", "lst-xw-kiwi-bulk", "lst-xw-kiwi-red", "lst-xw-kiwi-jam"];
    private static readonly string[] Teas = ["lst-mt-cuiya", "lst-mt-zunyihong", "lst-mt-green-bulk", "lst-pz-tea-leaf", "lst-pz-cili-tea"];
    private static readonly string[] Meitan = ["lst-mt-cuiya", "lst-mt-zunyihong", "lst-mt-green-bulk", "lst-mt-shiitake", "lst-mt-rice"];
    private static readonly string[] Congjiang =
        ["lst-cj-chicken", "lst-cj-eggs", "lst-cj-pig", "lst-cj-glutinous", "lst-cj-fungus", "lst-cj-chili-paste", "lst-cj-bamboo"];

    public static readonly (string Query, string[] Relevant)[] Queries =
    [
        ("刺梨", Cili),
        ("盘州刺梨", Cili),
        ("鲜刺梨", ["lst-pz-cili-fresh"]),
        ("刺梨原浆", ["lst-pz-cili-juice"]),
        ("刺梨汁", ["lst-pz-cili-juice"]),
        ("刺梨果脯", ["lst-pz-cili-dried"]),
        ("刺梨茶", ["lst-pz-cili-tea"]),
        ("猕猴桃", Kiwi),
        ("修文猕猴桃", Kiwi),
        ("红心猕猴桃", ["lst-xw-kiwi-red"]),
        ("猕猴桃果酱", ["lst-xw-kiwi-jam"]),
        ("贵长猕猴桃", ["lst-xw-kiwi-5jin", "lst-xw-kiwi-bulk"]),
        ("食堂 猕猴桃", ["lst-xw-kiwi-bulk"]),
        ("猕猴桃 鲜果", ["lst-xw-kiwi-5jin", "lst-xw-kiwi-bulk", "lst-xw-kiwi-red"]),
        ("茶叶", Teas),
        ("绿茶", ["lst-pz-tea-leaf", "lst-mt-green-bulk"]),
        ("红茶", ["lst-mt-zunyihong"]),
        ("湄潭翠芽", ["lst-mt-cuiya"]),
        ("遵义红", ["lst-mt-zunyihong"]),
        ("湄潭", Meitan),
        ("高山绿茶", ["lst-pz-tea-leaf"]),
        ("明前茶", ["lst-mt-cuiya", "lst-pz-tea-leaf"]),
        ("散装绿茶", ["lst-mt-green-bulk"]),
        ("香菇", ["lst-mt-shiitake"]),
        ("干香菇", ["lst-mt-shiitake"]),
        ("木耳", ["lst-cj-fungus"]),
        ("黑木耳", ["lst-cj-fungus"]),
        ("竹荪", ["lst-cj-bamboo"]),
        ("食用菌", ["lst-mt-shiitake", "lst-cj-fungus", "lst-cj-bamboo"]),
        ("生态鸡", ["lst-cj-chicken"]),
        ("从江生态鸡", ["lst-cj-chicken"]),
        ("土鸡蛋", ["lst-cj-eggs"]),
        ("鸡蛋", ["lst-cj-eggs"]),
        ("香猪", ["lst-cj-pig"]),
        ("猪肉", ["lst-cj-pig"]),
        ("大米", ["lst-mt-rice"]),
        ("湄潭茶香米", ["lst-mt-rice"]),
        ("糯米", ["lst-cj-glutinous"]),
        ("香禾糯", ["lst-cj-glutinous"]),
        ("从江", Congjiang),
        ("辣椒", ["lst-xw-chili", "lst-cj-chili-paste"]),
        ("干辣椒", ["lst-xw-chili"]),
        ("糍粑辣椒", ["lst-cj-chili-paste"]),
        ("朝天椒", ["lst-xw-chili"]),
        ("核桃", ["lst-pz-walnut"]),
        ("盘州核桃", ["lst-pz-walnut"]),
        ("kiwi", Kiwi),
        ("cili", Cili),
        ("black tea", ["lst-mt-zunyihong"]),
        ("mushroom", ["lst-mt-shiitake", "lst-cj-fungus", "lst-cj-bamboo"]),
    ];
}
