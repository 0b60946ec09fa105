using System.Globalization;
using AgriLink.Domain.Codes;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Matching;

/// <summary>
/// Scores a listing for a demand from seven components, each explained in zh-CN with a stable code: relevance (25),
/// quantity fit (15), price fit (20), delivery feasibility (15), poverty priority (15, doubled when the buyer prefers
/// deep-poverty counties), east-west pairing (5, doubled with a partner region) and the buyer's remaining quota (5, left
/// out when unknown). The score is the points over the maxima, 0–100 with one decimal. Hard exclusions (wrong category
/// or unit, not on sale, none in stock, dearer than a strict ceiling, no delivery to the area, harvested too late or
/// spoiled, uncertified when only certified will do) are listed, never silently dropped.
/// </summary>
public static class MatchScoring
{
    public const decimal RelevanceMax = 25, QuantityMax = 15, PriceMax = 20, DeliveryMax = 15, PovertyMax = 15, PairingMax = 5, QuotaMax = 5;

    public static MatchResult Score(DemandSpec demand, MatchCandidate listing, MatchContext context)
    {
        var exclusions = new List<MatchExclusion>();
        var comparable = MatchUnits.Comparable(demand.Unit, listing.Unit);
        decimal? available = comparable ? MatchUnits.ToDemandUnit(listing.Stock, listing.Unit, demand.Unit) : null;
        decimal? minOrder = comparable ? MatchUnits.ToDemandUnit(listing.MinOrder, listing.Unit, demand.Unit) : null;

        if (demand.Category is { } category && category != listing.Category)
            exclusions.Add(new("category.mismatch", $"品类为{ProduceCategories.ChineseName(listing.Category)}，需求要的是{ProduceCategories.ChineseName(category)}。"));
        if (!listing.OnSale)
            exclusions.Add(new("listing.not-on-sale", "商品当前未在售（未上架、已暂停或已下架）。"));
        if (!comparable)
            exclusions.Add(new("unit.incompatible", $"商品按{Units.ChineseName(listing.Unit)}计量，无法换算为需求的{Units.ChineseName(demand.Unit)}。"));
        else if (listing.Stock <= 0)
            exclusions.Add(new("stock.none", "商品已无库存。"));

        MatchComponent[] components =
        [
            Relevance(listing, context),
            Quantity(demand, available, minOrder),
            Price(demand, listing, comparable, exclusions),
            Delivery(demand, listing, context, exclusions),
            Poverty(demand, listing, exclusions),
            Pairing(demand, listing),
            .. Quota(listing, context.Quota),
        ];
        var max = components.Sum(c => c.MaxPoints);
        var score = max == 0 ? 0 : decimal.Round(100 * components.Sum(c => c.Points) / max, 1, MidpointRounding.AwayFromZero);
        return new(listing.ListingId, listing.CooperativeId, listing.Title, score, components, exclusions, available, minOrder);
    }

    private static MatchComponent Relevance(MatchCandidate listing, MatchContext context)
    {
        var share = context.TopRelevance > 0 && listing.Relevance > 0 ? Math.Min(1m, (decimal)(listing.Relevance / context.TopRelevance)) : 0m;
        var code = share >= 0.8m ? "relevance.strong" : share >= 0.4m ? "relevance.partial" : "relevance.weak";
        return new("relevance", code, Points(RelevanceMax * share), RelevanceMax,
            $"与需求文本的相关度为最佳候选的{Percent(share)}。");
    }

    private static MatchComponent Quantity(DemandSpec demand, decimal? available, decimal? minOrder)
    {
        var unit = Units.ChineseName(demand.Unit);
        if (available is not { } stock || minOrder is not { } min)
            return new("quantity", "quantity.unit-mismatch", 0, QuantityMax, "计量单位不同，无法比较数量。");
        if (min > demand.Quantity)
            return new("quantity", "quantity.below-minimum-order", 0, QuantityMax,
                $"起订量{Amount(min)}{unit}高于需求的{Amount(demand.Quantity)}{unit}。");
        if (stock >= demand.Quantity)
            return new("quantity", "quantity.full", QuantityMax, QuantityMax,
                $"可售{Amount(stock)}{unit}，足以一次满足需求的{Amount(demand.Quantity)}{unit}。");
        var share = stock <= 0 ? 0 : stock / demand.Quantity;
        return new("quantity", stock <= 0 ? "quantity.none" : "quantity.partial", Points(QuantityMax * share), QuantityMax,
            $"可售{Amount(Math.Max(stock, 0))}{unit}，满足需求的{Percent(share)}，其余需由其他合作社拼单。");
    }

    private static MatchComponent Price(DemandSpec demand, MatchCandidate listing, bool comparable, List<MatchExclusion> exclusions)
    {
        if (!comparable) return new("price", "price.unit-mismatch", 0, PriceMax, "计量单位不同，无法比较价格。");
        var unit = Units.ChineseName(demand.Unit);
        var price = MatchUnits.PricePerDemandUnit(listing.PriceFen, listing.Unit, demand.Unit);
        var shown = $"{Yuan(price)}/{unit}";
        if (demand.MaxPriceFen is not { } ceiling)
            return new("price", "price.no-ceiling", PriceMax / 2, PriceMax, $"单价{shown}；需求未设限价。");
        if (price > ceiling)
        {
            var over = $"单价{shown}高于限价{Yuan(ceiling)}/{unit}（高出{Percent((price - ceiling) / ceiling)}）。";
            if (demand.StrictPrice) exclusions.Add(new("price.above-ceiling", over));
            return new("price", "price.above-ceiling", 0, PriceMax, over);
        }
        // Within the ceiling earns 12; the rest grows with the saving, full at half the ceiling.
        var saving = (ceiling - price) / ceiling;
        return new("price", "price.within-ceiling", Points(12 + 8 * Math.Min(1, 2 * saving)), PriceMax,
            $"单价{shown}，不高于限价{Yuan(ceiling)}/{unit}（低{Percent(saving)}）。");
    }

    private static MatchComponent Delivery(DemandSpec demand, MatchCandidate listing, MatchContext context, List<MatchExclusion> exclusions)
    {
        var area = RegionName(demand.DeliveryRegionCode);
        if (!DeliveryAreas.Covers(listing.DeliveryAreas, demand.DeliveryRegionCode))
        {
            var text = $"配送范围不含{area}（{demand.DeliveryRegionCode}）。";
            exclusions.Add(new("delivery.area", text));
            return new("delivery", "delivery.area", 0, DeliveryMax, text);
        }
        var reach = listing.DeliveryAreas is null ? "全国配送" : $"配送范围含{area}";
        var by = Date(demand.DeliverBy);
        if (listing.HarvestDate is { } harvest && harvest > demand.DeliverBy)
        {
            var text = $"{Date(harvest)}才采收，晚于交货期{by}。";
            exclusions.Add(new("delivery.harvest-late", text));
            return new("delivery", "delivery.harvest-late", 0, DeliveryMax, text);
        }
        if (listing.HarvestDate is { } harvested && listing.ShelfLifeDays is { } days)
        {
            var expiry = harvested.AddDays(days);
            if (expiry < context.Today)
            {
                var text = $"{Date(harvested)}采收，保质期{days}天，已于{Date(expiry)}过期。";
                exclusions.Add(new("delivery.expired", text));
                return new("delivery", "delivery.expired", 0, DeliveryMax, text);
            }
            if (expiry < demand.DeliverBy)
                return new("delivery", "delivery.shelf-life-short", 8, DeliveryMax,
                    $"{reach}；保质至{Date(expiry)}，早于交货期{by}，须提前送达。");
        }
        if (listing.HarvestDate is { } upcoming && upcoming > context.Today)
            return new("delivery", "delivery.harvest-pending", 12, DeliveryMax, $"{reach}；{Date(upcoming)}采收，赶得上交货期{by}。");
        return new("delivery", "delivery.ready", DeliveryMax, DeliveryMax, $"{reach}；现货，可在交货期{by}前送达。");
    }

    private static MatchComponent Poverty(DemandSpec demand, MatchCandidate listing, List<MatchExclusion> exclusions)
    {
        if (demand.Prefers.CertifiedOnly && !listing.PovertyCertified)
            exclusions.Add(new("poverty.not-certified", "需求只要扶贫产品认定的商品，该商品未获认定。"));
        var deep = Regions.TryGetCounty(listing.CountyCode, out var county) && county.DeepPoverty;
        var place = county is null ? listing.CountyCode : county.Name;
        var points = (listing.PovertyCertified ? 8m : 0) + (deep ? 7m : 0);
        var code = (listing.PovertyCertified, deep) switch
        {
            (true, true) => "poverty.certified-deep-county",
            (true, false) => "poverty.certified",
            (false, true) => "poverty.deep-county",
            _ => "poverty.none",
        };
        var text = (listing.PovertyCertified ? "已获扶贫产品认定" : "未获扶贫产品认定") + "；"
            + (deep ? $"产自深度贫困县{place}。" : $"产地{place}不在深度贫困县名单。");
        var factor = demand.Prefers.DeepPovertyCounties ? 2 : 1;
        if (factor == 2) text += "（按买方对深度贫困县的偏好，权重加倍）";
        return new("poverty", code, points * factor, PovertyMax * factor, text);
    }

    private static MatchComponent Pairing(DemandSpec demand, MatchCandidate listing)
    {
        var partner = demand.Prefers.PartnerRegionCode;
        var max = partner is null ? PairingMax : 2 * PairingMax;
        if (partner is not null && DeliveryAreas.Covers([partner], listing.CountyCode))
            return new("pairing", "pairing.partner-region", max, max, $"产自买方指定的协作地区{RegionName(partner)}。");
        var level = EastWestPairing.Between(demand.DeliveryRegionCode, listing.CountyCode);
        var east = AdministrativeCode.Parse(demand.DeliveryRegionCode);
        var west = AdministrativeCode.Parse(listing.CountyCode);
        return level switch
        {
            PairingLevel.City => new("pairing", "pairing.city", PairingMax, max,
                $"{EastWestPairing.NameOf(east.PrefectureCode)}与{EastWestPairing.NameOf(west.PrefectureCode)}为东西部协作结对城市（2021年起）。"),
            PairingLevel.Province => new("pairing", "pairing.province", 2, max,
                $"{EastWestPairing.NameOf(east.ProvinceCode)}与{EastWestPairing.NameOf(west.ProvinceCode)}为东西部协作结对省份（2021年起）。"),
            _ => new("pairing", "pairing.none", 0, max, "收货地与产地不是东西部协作结对地区。"),
        };
    }

    private static IEnumerable<MatchComponent> Quota(MatchCandidate listing, QuotaStanding? quota)
    {
        if (quota is null) yield break;
        if (!quota.Declared)
        {
            yield return new("quota", "quota.not-declared", 0, QuotaMax, "买方未申报本年度预留份额，不计此项。");
        }
        else if (quota.RemainingFen <= 0)
        {
            yield return new("quota", "quota.met", listing.PovertyCertified ? 2 : 0, QuotaMax, "本年度预留份额已完成。");
        }
        else
        {
            yield return listing.PovertyCertified
                ? new("quota", "quota.counts", QuotaMax, QuotaMax, $"认定扶贫产品，计入预留份额（尚差{Money.FromFen(quota.RemainingFen)}）。")
                : new("quota", "quota.not-counted", 0, QuotaMax, $"未获认定，不计入预留份额（尚差{Money.FromFen(quota.RemainingFen)}）。");
        }
    }

    private static string RegionName(string code) =>
        Regions.TryGetCounty(code, out var county) ? county.Name
        : AdministrativeCode.TryParse(code, out var parsed) && parsed.IsProvince ? Regions.ProvinceName(code) ?? code
        : EastWestPairing.NameOf(code.Trim());

    private static decimal Points(decimal value) => decimal.Round(value, 1, MidpointRounding.AwayFromZero);

    private static string Percent(decimal share) =>
        decimal.Round(share * 100, 0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Amount(decimal amount) => decimal.Round(amount, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Yuan(decimal fen) => Money.FromFen((long)decimal.Round(fen, 0, MidpointRounding.AwayFromZero)).ToString();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
