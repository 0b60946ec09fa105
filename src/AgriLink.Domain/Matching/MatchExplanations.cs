using System.Text;
using System.Text.RegularExpressions;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Matching;

/// <summary>
/// The zh-CN template of every code a match component or exclusion can carry (and of the phrases they use), with
/// <c>{name}</c> placeholders filled from its <see cref="MatchArgument"/>s. <see cref="MatchComponent.Explanation"/> and
/// <see cref="MatchExclusion.Explanation"/> are these templates worded in Chinese; another language words the same code
/// and arguments with its own translation of the template (the web pages' resources are keyed by the Chinese template).
/// </summary>
public static partial class MatchExplanations
{
    /// <summary>Code (or phrase key) → zh-CN template. A code the scorer uses must be here: wording an unknown one throws.</summary>
    public static readonly IReadOnlyDictionary<string, string> Templates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["category.mismatch"] = "品类为{listingCategory}，需求要的是{demandCategory}。",
        ["listing.not-on-sale"] = "商品当前未在售（未上架、已暂停或已下架）。",
        ["unit.incompatible"] = "商品按{listingUnit}计量，无法换算为需求的{demandUnit}。",
        ["stock.none"] = "商品已无库存。",
        ["poverty.not-certified"] = "需求只要扶贫产品认定的商品，该商品未获认定。",

        ["relevance.strong"] = Relevance,
        ["relevance.partial"] = Relevance,
        ["relevance.weak"] = Relevance,
        ["quantity.unit-mismatch"] = "计量单位不同，无法比较数量。",
        ["quantity.below-minimum-order"] = "起订量{minOrder}{unit}高于需求的{quantity}{unit}。",
        ["quantity.full"] = "可售{stock}{unit}，足以一次满足需求的{quantity}{unit}。",
        ["quantity.partial"] = QuantityShare,
        ["quantity.none"] = QuantityShare,
        ["price.unit-mismatch"] = "计量单位不同，无法比较价格。",
        ["price.no-ceiling"] = "单价{price}/{unit}；需求未设限价。",
        ["price.above-ceiling"] = "单价{price}/{unit}高于限价{ceiling}/{unit}（高出{over}）。",
        ["price.within-ceiling"] = "单价{price}/{unit}，不高于限价{ceiling}/{unit}（低{saving}）。",
        ["delivery.area"] = "配送范围不含{area}（{areaCode}）。",
        ["delivery.harvest-late"] = "{harvest}才采收，晚于交货期{deliverBy}。",
        ["delivery.expired"] = "{harvest}采收，保质期{days}天，已于{expiry}过期。",
        ["delivery.shelf-life-short"] = "{reach}；保质至{expiry}，早于交货期{deliverBy}，须提前送达。",
        ["delivery.harvest-pending"] = "{reach}；{harvest}采收，赶得上交货期{deliverBy}。",
        ["delivery.ready"] = "{reach}；现货，可在交货期{deliverBy}前送达。",
        ["delivery.reach-nationwide"] = "全国配送",
        ["delivery.reach-area"] = "配送范围含{area}",
        ["poverty.certified-deep-county"] = "已获扶贫产品认定；产自深度贫困县{place}。{weighting}",
        ["poverty.certified"] = "已获扶贫产品认定；产地{place}不在深度贫困县名单。{weighting}",
        ["poverty.deep-county"] = "未获扶贫产品认定；产自深度贫困县{place}。{weighting}",
        ["poverty.none"] = "未获扶贫产品认定；产地{place}不在深度贫困县名单。{weighting}",
        ["poverty.weight-doubled"] = "（按买方对深度贫困县的偏好，权重加倍）",
        ["pairing.partner-region"] = "产自买方指定的协作地区{partner}。",
        ["pairing.city"] = "{east}与{west}为东西部协作结对城市（2021年起）。",
        ["pairing.province"] = "{east}与{west}为东西部协作结对省份（2021年起）。",
        ["pairing.none"] = "收货地与产地不是东西部协作结对地区。",
        ["quota.not-declared"] = "买方未申报本年度预留份额，不计此项。",
        ["quota.met"] = "本年度预留份额已完成。",
        ["quota.counts"] = "认定扶贫产品，计入预留份额（尚差{remaining}）。",
        ["quota.not-counted"] = "未获认定，不计入预留份额（尚差{remaining}）。",
        ["monitoring.producer"] = "生产农户中有多户防返贫监测户，按帮扶政策优先采购。",
        ["monitoring.member"] = "合作社成员中有多户防返贫监测户，销售按交易量返还惠及监测户，优先采购。",
        ["monitoring.none"] = "与防返贫监测户无关联。",
    };

    private const string Relevance = "与需求文本的相关度为最佳候选的{share}。";
    private const string QuantityShare = "可售{stock}{unit}，满足需求的{share}，其余需由其他合作社拼单。";

    /// <summary>The code's explanation in zh-CN.</summary>
    /// <exception cref="KeyNotFoundException">The code, or a phrase it uses, has no template.</exception>
    public static string Chinese(string code, IReadOnlyList<MatchArgument> arguments) =>
        Format(code, arguments, key => Templates[key], ChineseValue);

    /// <summary>
    /// Words <paramref name="code"/> with <paramref name="template"/> (code or phrase key → the template in some language):
    /// each <c>{name}</c> takes <paramref name="value"/> of its argument (a phrase is worded in turn, with the same
    /// arguments), and the text between placeholders goes through <paramref name="literal"/> (e.g. HTML encoding).
    /// </summary>
    /// <exception cref="KeyNotFoundException">A placeholder has no argument.</exception>
    public static string Format(string code, IReadOnlyList<MatchArgument> arguments, Func<string, string> template,
        Func<MatchArgument, string> value, Func<string, string>? literal = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        literal ??= static s => s;
        var text = template(code);
        var result = new StringBuilder();
        var at = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            result.Append(literal(text[at..m.Index]));
            var name = m.Groups["name"].Value;
            var argument = arguments.FirstOrDefault(a => a.Name == name)
                ?? throw new KeyNotFoundException($"The explanation '{code}' has no argument '{name}'.");
            result.Append(argument.Kind != MatchArgumentKind.Phrase ? value(argument)
                : argument.Value.Length == 0 ? "" : Format(argument.Value, arguments, template, value, literal));
            at = m.Index + m.Length;
        }
        return result.Append(literal(text[at..])).ToString();
    }

    /// <summary>The placeholders of a template, in order (a repeated one once).</summary>
    public static IReadOnlyList<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();

    private static string ChineseValue(MatchArgument a) => a.Kind switch
    {
        MatchArgumentKind.Unit => Units.ChineseName(Enum.Parse<Unit>(a.Value)),
        MatchArgumentKind.Category => ProduceCategories.ChineseName(Enum.Parse<ProduceCategory>(a.Value)),
        _ => a.Value,
    };

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
