using AgriLink.Domain.Listings;
using AgriLink.Domain.Matching;
using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Tests.Matching;

/// <summary>A canteen in 广州市荔湾区 wanting rice, and a 从江 listing that fits it, for tests to vary.</summary>
internal static class MatchSamples
{
    public static readonly DateOnly Today = new(2026, 11, 30);

    public static DemandSpec Rice(decimal quantity = 20_000, long? maxPriceFen = 1_000, bool strict = true, DemandPreferences? preferences = null) =>
        new("机关食堂大米", ProduceCategory.Grain, ["米"], quantity, Unit.Kilogram, Today.AddDays(30), "440103", maxPriceFen, strict, preferences);

    public static MatchCandidate Glutinous(Action<Builder>? change = null)
    {
        var b = new Builder();
        change?.Invoke(b);
        return new("lst-cjglutinous", "coop-cjxiang", "从江香禾糯", b.Category, b.Unit, b.PriceFen, b.Stock, b.MinOrder, b.County,
            b.Harvest, b.ShelfLife, b.Areas, b.Certified, b.OnSale, b.Relevance, b.Monitored);
    }

    public static MatchContext Context(QuotaStanding? quota = null) => new(Today, 10, quota);

    public sealed class Builder
    {
        public ProduceCategory Category { get; set; } = ProduceCategory.Grain;
        public Unit Unit { get; set; } = Unit.Jin;
        public long PriceFen { get; set; } = 400;          // ¥4/斤 = ¥8/公斤
        public decimal Stock { get; set; } = 50_000;       // 斤 = 25,000 公斤
        public decimal MinOrder { get; set; } = 20;
        public string County { get; set; } = "522633";     // 从江县, deep poverty, 黔东南
        public DateOnly? Harvest { get; set; } = new(2026, 10, 15);
        public int? ShelfLife { get; set; } = 365;
        public IReadOnlyList<string>? Areas { get; set; }
        public bool Certified { get; set; } = true;
        public bool OnSale { get; set; } = true;
        public double Relevance { get; set; } = 10;
        public MonitoredProduce? Monitored { get; set; }
    }
}
