namespace AgriLink.Domain.Listings;

public static class ProduceCategories
{
    /// <summary>The category's usual Chinese name (水果, 茶叶 …), for explanations, pages and exports.</summary>
    public static string ChineseName(ProduceCategory category) => category switch
    {
        ProduceCategory.Fruit => "水果",
        ProduceCategory.Vegetable => "蔬菜",
        ProduceCategory.Tea => "茶叶",
        ProduceCategory.Mushroom => "食用菌",
        ProduceCategory.Grain => "粮油",
        ProduceCategory.Livestock => "畜禽",
        ProduceCategory.Spice => "调味品",
        ProduceCategory.Processed => "加工食品",
        ProduceCategory.Medicinal => "中药材",
        _ => "其他",
    };
}
