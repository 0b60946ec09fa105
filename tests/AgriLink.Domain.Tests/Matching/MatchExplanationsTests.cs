using AgriLink.Domain.Listings;
using AgriLink.Domain.Matching;
using AgriLink.Domain.Quantities;
using Xunit;
using static AgriLink.Domain.Tests.Matching.MatchSamples;

namespace AgriLink.Domain.Tests.Matching;

/// <summary>
/// Match explanations come from one template per code (<see cref="MatchExplanations"/>) and the arguments the scorer
/// gives: the zh-CN words are exactly as before, and the scenarios below reach every template there is.
/// </summary>
public class MatchExplanationsTests
{
    private static readonly (string Name, DemandSpec Demand, MatchCandidate Listing, MatchContext Context)[] Scenarios =
    [
        ("fitting", Rice(), Glutinous(), Context(new QuotaStanding(true, 500_000))),
        ("category", Rice(), Glutinous(b => b.Category = ProduceCategory.Tea), Context()),
        ("paused", Rice(), Glutinous(b => b.OnSale = false), Context()),
        ("unit", Rice(), Glutinous(b => b.Unit = Unit.Box), Context()),
        ("empty", Rice(), Glutinous(b => b.Stock = 0), Context()),
        ("dear", Rice(), Glutinous(b => b.PriceFen = 600), Context()),
        ("area", Rice(), Glutinous(b => b.Areas = ["520000"]), Context()),
        ("late", Rice(), Glutinous(b => b.Harvest = Today.AddDays(60)), Context()),
        ("expired", Rice(), Glutinous(b => { b.Harvest = Today.AddDays(-40); b.ShelfLife = 30; }), Context()),
        ("certified-only", Rice(preferences: new DemandPreferences(CertifiedOnly: true)), Glutinous(b => b.Certified = false), Context()),
        ("partial", Rice(), Glutinous(b => { b.Relevance = 5; b.Stock = 20_000; }), Context(new QuotaStanding(false, 0))),
        ("weak", Rice(maxPriceFen: null), Glutinous(b => { b.Relevance = 1; b.MinOrder = 50_000; }), Context(new QuotaStanding(true, 0))),
        ("pending", Rice(), Glutinous(b => { b.Harvest = Today.AddDays(10); b.Areas = ["440000"]; b.County = "520102"; }),
            Context(new QuotaStanding(true, 12_345))),
        ("short", Rice(preferences: new DemandPreferences(DeepPovertyCounties: true)),
            Glutinous(b => { b.Harvest = Today.AddDays(-10); b.ShelfLife = 20; b.County = "520502"; b.Certified = false; }), Context()),
        ("none", Rice(preferences: new DemandPreferences(DeepPovertyCounties: true, PartnerRegionCode: "522600")) with { DeliveryRegionCode = "110105" },
            Glutinous(b => { b.County = "520102"; b.Certified = false; }), Context(new QuotaStanding(true, 1))),
        ("partner", Rice(preferences: new DemandPreferences(DeepPovertyCounties: true, PartnerRegionCode: "522600")), Glutinous(), Context()),
        ("soft-dear", Rice(strict: false) with { DeliveryRegionCode = "110105" }, Glutinous(b => { b.PriceFen = 600; b.County = "520102"; }),
            Context(new QuotaStanding(true, 0))),
        ("monitored-producer", Rice(), Glutinous(b => b.Monitored = MonitoredProduce.Producer), Context()),
        ("monitored-member", Rice(), Glutinous(b => b.Monitored = MonitoredProduce.CooperativeMember), Context()),
        ("monitored-none", Rice(), Glutinous(b => b.Monitored = MonitoredProduce.None), Context()),
    ];

    private static string Render() => string.Join("\n", Scenarios.Select(s =>
    {
        var r = MatchScoring.Score(s.Demand, s.Listing, s.Context);
        return $"[{s.Name}]\n" + string.Join("\n", r.Components.Select(c => $"{c.Code}: {c.Explanation}")
            .Concat(r.Exclusions.Select(x => $"x {x.Code}: {x.Explanation}")));
    }));

    /// <summary>What the scorer said before explanations had templates (captured from that code): the zh-CN text must not change.</summary>
    private const string Before = """
        [fitting]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        quota.counts: 认定扶贫产品，计入预留份额（尚差¥5,000.00）。
        [category]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        x category.mismatch: 品类为茶叶，需求要的是粮油。
        [paused]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        x listing.not-on-sale: 商品当前未在售（未上架、已暂停或已下架）。
        [unit]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.unit-mismatch: 计量单位不同，无法比较数量。
        price.unit-mismatch: 计量单位不同，无法比较价格。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        x unit.incompatible: 商品按箱计量，无法换算为需求的公斤。
        [empty]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.none: 可售0公斤，满足需求的0%，其余需由其他合作社拼单。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        x stock.none: 商品已无库存。
        [dear]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.above-ceiling: 单价¥12.00/公斤高于限价¥10.00/公斤（高出20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        x price.above-ceiling: 单价¥12.00/公斤高于限价¥10.00/公斤（高出20%）。
        [area]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.area: 配送范围不含广东省（440103）。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        x delivery.area: 配送范围不含广东省（440103）。
        [late]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.harvest-late: 2027-01-29才采收，晚于交货期2026-12-30。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        x delivery.harvest-late: 2027-01-29才采收，晚于交货期2026-12-30。
        [expired]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.expired: 2026-10-21采收，保质期30天，已于2026-11-20过期。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        x delivery.expired: 2026-10-21采收，保质期30天，已于2026-11-20过期。
        [certified-only]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.deep-county: 未获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        x poverty.not-certified: 需求只要扶贫产品认定的商品，该商品未获认定。
        [partial]
        relevance.partial: 与需求文本的相关度为最佳候选的50%。
        quantity.partial: 可售10000公斤，满足需求的50%，其余需由其他合作社拼单。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        quota.not-declared: 买方未申报本年度预留份额，不计此项。
        [weak]
        relevance.weak: 与需求文本的相关度为最佳候选的10%。
        quantity.below-minimum-order: 起订量25000公斤高于需求的20000公斤。
        price.no-ceiling: 单价¥8.00/公斤；需求未设限价。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        quota.met: 本年度预留份额已完成。
        [pending]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.harvest-pending: 配送范围含广东省；2026-12-10采收，赶得上交货期2026-12-30。
        poverty.certified: 已获扶贫产品认定；产地南明区不在深度贫困县名单。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        quota.counts: 认定扶贫产品，计入预留份额（尚差¥123.45）。
        [short]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.shelf-life-short: 全国配送；保质至2026-12-10，早于交货期2026-12-30，须提前送达。
        poverty.none: 未获扶贫产品认定；产地七星关区不在深度贫困县名单。（按买方对深度贫困县的偏好，权重加倍）
        pairing.city: 广州市与毕节市为东西部协作结对城市（2021年起）。
        [none]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.none: 未获扶贫产品认定；产地南明区不在深度贫困县名单。（按买方对深度贫困县的偏好，权重加倍）
        pairing.none: 收货地与产地不是东西部协作结对地区。
        quota.not-counted: 未获认定，不计入预留份额（尚差¥0.01）。
        [partner]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。（按买方对深度贫困县的偏好，权重加倍）
        pairing.partner-region: 产自买方指定的协作地区贵州省。
        [soft-dear]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.above-ceiling: 单价¥12.00/公斤高于限价¥10.00/公斤（高出20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified: 已获扶贫产品认定；产地南明区不在深度贫困县名单。
        pairing.none: 收货地与产地不是东西部协作结对地区。
        quota.met: 本年度预留份额已完成。
        [monitored-producer]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        monitoring.producer: 生产农户中有多户防返贫监测户，按帮扶政策优先采购。
        [monitored-member]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        monitoring.member: 合作社成员中有多户防返贫监测户，销售按交易量返还惠及监测户，优先采购。
        [monitored-none]
        relevance.strong: 与需求文本的相关度为最佳候选的100%。
        quantity.full: 可售25000公斤，足以一次满足需求的20000公斤。
        price.within-ceiling: 单价¥8.00/公斤，不高于限价¥10.00/公斤（低20%）。
        delivery.ready: 全国配送；现货，可在交货期2026-12-30前送达。
        poverty.certified-deep-county: 已获扶贫产品认定；产自深度贫困县从江县。
        pairing.province: 广东省与贵州省为东西部协作结对省份（2021年起）。
        monitoring.none: 与防返贫监测户无关联。
        """;

    private static IEnumerable<(string Code, string Explanation, IReadOnlyList<MatchArgument>? Arguments)> Explained() =>
        Scenarios.Select(s => MatchScoring.Score(s.Demand, s.Listing, s.Context)).SelectMany(r =>
            r.Components.Select(c => (c.Code, c.Explanation, c.Arguments)).Concat(r.Exclusions.Select(x => (x.Code, x.Explanation, x.Arguments))));

    [Fact]
    public void ChineseExplanationsAreWordForWordAsBefore() => Assert.Equal(Before.Split('\n'), Render().Split('\n'));

    [Fact]
    public void EveryExplanationIsItsCodesTemplateWordedWithItsArguments() =>
        Assert.All(Explained(), e =>
        {
            Assert.NotNull(e.Arguments);
            Assert.Equal(e.Explanation, MatchExplanations.Chinese(e.Code, e.Arguments));
        });

    /// <summary>The templates are exactly what the scorer can say: each code and phrase is reached by a scenario above.</summary>
    [Fact]
    public void TheScenariosReachEveryTemplateAndNothingElse()
    {
        var used = Explained().SelectMany(e => e.Arguments!.Where(a => a.Kind == MatchArgumentKind.Phrase && a.Value.Length > 0).Select(a => a.Value)
            .Append(e.Code)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(MatchExplanations.Templates.Keys.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnUnknownCodeOrAMissingArgumentIsAnErrorNotABlank()
    {
        Assert.Throws<KeyNotFoundException>(() => MatchExplanations.Chinese("price.too-cheap", []));
        Assert.Throws<KeyNotFoundException>(() => MatchExplanations.Chinese("quota.counts", []));
        Assert.Throws<KeyNotFoundException>(() => MatchExplanations.Chinese("delivery.ready",
            [MatchArgument.Phrase("reach", "delivery.reach-area"), MatchArgument.Text("deliverBy", "2026-12-30")])); // the phrase's {area}
    }

    [Fact]
    public void ArgumentsKeepUnitsCategoriesAndPlacesApartFromTheWords()
    {
        var result = MatchScoring.Score(Rice(), Glutinous(b => b.Category = ProduceCategory.Tea), Context());
        var price = Assert.Single(result.Components, c => c.Component == "price");
        var exclusion = Assert.Single(result.Exclusions);

        Assert.Equal(
            [MatchArgument.Text("price", "¥8.00"), MatchArgument.UnitOf("unit", Unit.Kilogram), MatchArgument.Text("ceiling", "¥10.00"), MatchArgument.Text("saving", "20%")],
            price.Arguments);
        Assert.Equal([new MatchArgument("listingCategory", MatchArgumentKind.Category, "Tea"), new MatchArgument("demandCategory", MatchArgumentKind.Category, "Grain")],
            exclusion.Arguments);
        Assert.Contains(MatchArgument.Place("place", "从江县"), Assert.Single(result.Components, c => c.Component == "poverty").Arguments!);
    }
}
