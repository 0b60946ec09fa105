namespace AgriLink.Domain.Listings;

[GenerateSerializer, Alias("AgriLink.ProduceCategory")]
public enum ProduceCategory
{
    Fruit = 0,       // 水果: 刺梨, 猕猴桃, 蓝莓
    Vegetable = 1,   // 蔬菜
    Tea = 2,         // 茶叶: 都匀毛尖, 湄潭翠芽
    Mushroom = 3,    // 食用菌
    Grain = 4,       // 粮油: 大米, 菜籽油
    Livestock = 5,   // 畜禽: 生态鸡, 黑毛猪
    Spice = 6,       // 调味品: 辣椒
    Processed = 7,   // 加工食品: 刺梨原浆
    Medicinal = 8,   // 中药材: 天麻
    Other = 9,
}
