namespace AgriLink.Search.Tests.Relevance;

/// <summary>
/// What a buyer types and which demo listings they would expect (judged by reading the catalogue, before running
/// either engine): produce, places, varieties, categories, combinations, pinyin and English, everyday synonyms,
/// and a few that no engine here gets (明前茶, 前茶 never occurs) so the figures are not flattered.
/// </summary>
public static class RelevanceSet
{
    private static readonly string[] Cili = ["lst-pzcilifresh", "lst-pzcilijuice", "lst-pzcilidried", "lst-pzcilitea"];
    private static readonly string[] Kiwi = ["lst-xwkiwi5jin", "lst-xwkiwibulk", "lst-xwkiwired", "lst-xwkiwijam"];
    private static readonly string[] Teas = ["lst-mtcuiya", "lst-mtzunyihong", "lst-mtgreenbulk", "lst-pztealeaf", "lst-pzcilitea"];
    private static readonly string[] Meitan = ["lst-mtcuiya", "lst-mtzunyihong", "lst-mtgreenbulk", "lst-mtshiitake", "lst-mtrice"];
    private static readonly string[] Congjiang =
        ["lst-cjchicken", "lst-cjeggs", "lst-cjpig", "lst-cjglutinous", "lst-cjfungus", "lst-cjchilipaste", "lst-cjbamboo"];

    public static readonly (string Query, string[] Relevant)[] Queries =
    [
        ("刺梨", Cili),
        ("盘州刺梨", Cili),
        ("鲜刺梨", ["lst-pzcilifresh"]),
        ("刺梨原浆", ["lst-pzcilijuice"]),
        ("刺梨汁", ["lst-pzcilijuice"]),
        ("刺梨果脯", ["lst-pzcilidried"]),
        ("刺梨茶", ["lst-pzcilitea"]),
        ("猕猴桃", Kiwi),
        ("修文猕猴桃", Kiwi),
        ("红心猕猴桃", ["lst-xwkiwired"]),
        ("猕猴桃果酱", ["lst-xwkiwijam"]),
        ("贵长猕猴桃", ["lst-xwkiwi5jin", "lst-xwkiwibulk"]),
        ("食堂 猕猴桃", ["lst-xwkiwibulk"]),
        ("猕猴桃 鲜果", ["lst-xwkiwi5jin", "lst-xwkiwibulk", "lst-xwkiwired"]),
        ("茶叶", Teas),
        ("绿茶", ["lst-pztealeaf", "lst-mtgreenbulk"]),
        ("红茶", ["lst-mtzunyihong"]),
        ("湄潭翠芽", ["lst-mtcuiya"]),
        ("遵义红", ["lst-mtzunyihong"]),
        ("湄潭", Meitan),
        ("高山绿茶", ["lst-pztealeaf"]),
        ("明前茶", ["lst-mtcuiya", "lst-pztealeaf"]),
        ("散装绿茶", ["lst-mtgreenbulk"]),
        ("香菇", ["lst-mtshiitake"]),
        ("干香菇", ["lst-mtshiitake"]),
        ("木耳", ["lst-cjfungus"]),
        ("黑木耳", ["lst-cjfungus"]),
        ("竹荪", ["lst-cjbamboo"]),
        ("食用菌", ["lst-mtshiitake", "lst-cjfungus", "lst-cjbamboo"]),
        ("生态鸡", ["lst-cjchicken"]),
        ("从江生态鸡", ["lst-cjchicken"]),
        ("土鸡蛋", ["lst-cjeggs"]),
        ("鸡蛋", ["lst-cjeggs"]),
        ("香猪", ["lst-cjpig"]),
        ("猪肉", ["lst-cjpig"]),
        ("大米", ["lst-mtrice"]),
        ("湄潭茶香米", ["lst-mtrice"]),
        ("糯米", ["lst-cjglutinous"]),
        ("香禾糯", ["lst-cjglutinous"]),
        ("从江", Congjiang),
        ("辣椒", ["lst-xwchili", "lst-cjchilipaste"]),
        ("干辣椒", ["lst-xwchili"]),
        ("糍粑辣椒", ["lst-cjchilipaste"]),
        ("朝天椒", ["lst-xwchili"]),
        ("核桃", ["lst-pzwalnut"]),
        ("盘州核桃", ["lst-pzwalnut"]),
        ("kiwi", Kiwi),
        ("cili", Cili),
        ("black tea", ["lst-mtzunyihong"]),
        ("mushroom", ["lst-mtshiitake", "lst-cjfungus", "lst-cjbamboo"]),
    ];
}
