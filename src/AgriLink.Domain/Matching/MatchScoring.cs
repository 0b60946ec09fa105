using System.Globalization;
using AgriLink.Domain.Codes;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;
using A = AgriLink.Domain.Matching.MatchArgument;

namespace AgriLink.Domain.Matching;

/// <summary>
/// Scores a listing for a demand from seven components, each explained in zh-CN with a stable code and the arguments its
/// template (<see cref="MatchExplanations"/>) is worded from, so other languages can word it too: relevance (25),
/// quantity fit (15), price fit (20), delivery feasibility (15), poverty priority (15, doubled when the buyer prefers
/// deep-poverty counties), east-west pairing (5, doubled with a partner region), the buyer's remaining quota (5, left
/// out when unknown) and produce of households under 防返贫监测 (10, left out when unknown: the monitored household's
/// own produce full, its cooperative's half). The score is the points over the maxima, 0–100 with one decimal. Hard exclusions (wrong category
/// or unit, not on sale, none in stock, dearer than a strict ceiling, no delivery to the area, harvested too late or
/// spoiled, uncertified when only certified will do) are listed, never silently dropped.
/// </summary>
public static class MatchScoring
{
    public const decimal RelevanceMax = 25, QuantityMax = 15, PriceMax = 20, DeliveryMax = 15, PovertyMax = 15, PairingMax = 5, QuotaMax = 5, MonitoredMax = 10;

    public static MatchResult Score(DemandSpec demand, MatchCandidate listing, MatchContext context)
    {
        var exclusions = new List<MatchExclusion>();
        var comparable = MatchUnits.Comparable(demand.Unit, listing.Unit);
        decimal? available = comparable ? MatchUnits.ToDemandUnit(listing.Stock, listing.Unit, demand.Unit) : null;
        decimal? minOrder = comparable ? MatchUnits.ToDemandUnit(listing.MinOrder, listing.Unit, demand.Unit) : null;

        if (demand.Category is { } category && category != listing.Category)
            exclusions.Add(Exclusion("category.mismatch", A.CategoryOf("listingCategory", listing.Category), A.CategoryOf("demandCategory", category)));
        if (!listing.OnSale)
            exclusions.Add(Exclusion("listing.not-on-sale"));
        if (!comparable)
            exclusions.Add(Exclusion("unit.incompatible", A.UnitOf("listingUnit", listing.Unit), A.UnitOf("demandUnit", demand.Unit)));
        else if (listing.Stock <= 0)
            exclusions.Add(Exclusion("stock.none"));

        MatchComponent[] components =
        [
            Relevance(listing, context),
            Quantity(demand, available, minOrder),
            Price(demand, listing, comparable, exclusions),
            Delivery(demand, listing, context, exclusions),
            Poverty(demand, listing, exclusions),
            Pairing(demand, listing),
            .. Quota(listing, context.Quota),
            .. Monitored(listing),
        ];
        var max = components.Sum(c => c.MaxPoints);
        var score = max == 0 ? 0 : decimal.Round(100 * components.Sum(c => c.Points) / max, 1, MidpointRounding.AwayFromZero);
        return new(listing.ListingId, listing.CooperativeId, listing.Title, score, components, exclusions, available, minOrder);
    }

    private static MatchComponent Relevance(MatchCandidate listing, MatchContext context)
    {
        var share = context.TopRelevance > 0 && listing.Relevance > 0 ? Math.Min(1m, (decimal)(listing.Relevance / context.TopRelevance)) : 0m;
        var code = share >= 0.8m ? "relevance.strong" : share >= 0.4m ? "relevance.partial" : "relevance.weak";
        return Component("relevance", code, Points(RelevanceMax * share), RelevanceMax, A.Text("share", Percent(share)));
    }

    private static MatchComponent Quantity(DemandSpec demand, decimal? available, decimal? minOrder)
    {
        if (available is not { } stock || minOrder is not { } min)
            return Component("quantity", "quantity.unit-mismatch", 0, QuantityMax);
        var unit = A.UnitOf("unit", demand.Unit);
        var wanted = A.Text("quantity", Amount(demand.Quantity));
        if (min > demand.Quantity)
            return Component("quantity", "quantity.below-minimum-order", 0, QuantityMax, A.Text("minOrder", Amount(min)), unit, wanted);
        if (stock >= demand.Quantity)
            return Component("quantity", "quantity.full", QuantityMax, QuantityMax, A.Text("stock", Amount(stock)), unit, wanted);
        var share = stock <= 0 ? 0 : stock / demand.Quantity;
        return Component("quantity", stock <= 0 ? "quantity.none" : "quantity.partial", Points(QuantityMax * share), QuantityMax,
            A.Text("stock", Amount(Math.Max(stock, 0))), unit, A.Text("share", Percent(share)));
    }

    private static MatchComponent Price(DemandSpec demand, MatchCandidate listing, bool comparable, List<MatchExclusion> exclusions)
    {
        if (!comparable) return Component("price", "price.unit-mismatch", 0, PriceMax);
        var unit = A.UnitOf("unit", demand.Unit);
        var price = MatchUnits.PricePerDemandUnit(listing.PriceFen, listing.Unit, demand.Unit);
        var shown = A.Text("price", Yuan(price));
        if (demand.MaxPriceFen is not { } ceiling)
            return Component("price", "price.no-ceiling", PriceMax / 2, PriceMax, shown, unit);
        if (price > ceiling)
        {
            MatchArgument[] over = [shown, unit, A.Text("ceiling", Yuan(ceiling)), A.Text("over", Percent((price - ceiling) / ceiling))];
            if (demand.StrictPrice) exclusions.Add(Exclusion("price.above-ceiling", over));
            return Component("price", "price.above-ceiling", 0, PriceMax, over);
        }
        // Within the ceiling earns 12; the rest grows with the saving, full at half the ceiling.
        var saving = (ceiling - price) / ceiling;
        return Component("price", "price.within-ceiling", Points(12 + 8 * Math.Min(1, 2 * saving)), PriceMax,
            shown, unit, A.Text("ceiling", Yuan(ceiling)), A.Text("saving", Percent(saving)));
    }

    private static MatchComponent Delivery(DemandSpec demand, MatchCandidate listing, MatchContext context, List<MatchExclusion> exclusions)
    {
        var area = A.Place("area", RegionName(demand.DeliveryRegionCode));
        if (!DeliveryAreas.Covers(listing.DeliveryAreas, demand.DeliveryRegionCode))
            return Excluded("delivery", "delivery.area", DeliveryMax, exclusions, area, A.Text("areaCode", demand.DeliveryRegionCode));
        var reach = listing.DeliveryAreas is null ? A.Phrase("reach", "delivery.reach-nationwide") : A.Phrase("reach", "delivery.reach-area");
        var by = A.Text("deliverBy", Date(demand.DeliverBy));
        if (listing.HarvestDate is { } harvest && harvest > demand.DeliverBy)
            return Excluded("delivery", "delivery.harvest-late", DeliveryMax, exclusions, A.Text("harvest", Date(harvest)), by);
        if (listing.HarvestDate is { } harvested && listing.ShelfLifeDays is { } days)
        {
            var expiry = harvested.AddDays(days);
            if (expiry < context.Today)
                return Excluded("delivery", "delivery.expired", DeliveryMax, exclusions,
                    A.Text("harvest", Date(harvested)), A.Text("days", days.ToString(CultureInfo.InvariantCulture)), A.Text("expiry", Date(expiry)));
            if (expiry < demand.DeliverBy)
                return Component("delivery", "delivery.shelf-life-short", 8, DeliveryMax, reach, area, A.Text("expiry", Date(expiry)), by);
        }
        if (listing.HarvestDate is { } upcoming && upcoming > context.Today)
            return Component("delivery", "delivery.harvest-pending", 12, DeliveryMax, reach, area, A.Text("harvest", Date(upcoming)), by);
        return Component("delivery", "delivery.ready", DeliveryMax, DeliveryMax, reach, area, by);
    }

    private static MatchComponent Poverty(DemandSpec demand, MatchCandidate listing, List<MatchExclusion> exclusions)
    {
        if (demand.Prefers.CertifiedOnly && !listing.PovertyCertified)
            exclusions.Add(Exclusion("poverty.not-certified"));
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
        var factor = demand.Prefers.DeepPovertyCounties ? 2 : 1;
        return Component("poverty", code, points * factor, PovertyMax * factor,
            A.Place("place", place), A.Phrase("weighting", factor == 2 ? "poverty.weight-doubled" : ""));
    }

    private static MatchComponent Pairing(DemandSpec demand, MatchCandidate listing)
    {
        var partner = demand.Prefers.PartnerRegionCode;
        var max = partner is null ? PairingMax : 2 * PairingMax;
        if (partner is not null && DeliveryAreas.Covers([partner], listing.CountyCode))
            return Component("pairing", "pairing.partner-region", max, max, A.Place("partner", RegionName(partner)));
        var level = EastWestPairing.Between(demand.DeliveryRegionCode, listing.CountyCode);
        var east = AdministrativeCode.Parse(demand.DeliveryRegionCode);
        var west = AdministrativeCode.Parse(listing.CountyCode);
        return level switch
        {
            PairingLevel.City => Component("pairing", "pairing.city", PairingMax, max,
                A.Place("east", EastWestPairing.NameOf(east.PrefectureCode)), A.Place("west", EastWestPairing.NameOf(west.PrefectureCode))),
            PairingLevel.Province => Component("pairing", "pairing.province", 2, max,
                A.Place("east", EastWestPairing.NameOf(east.ProvinceCode)), A.Place("west", EastWestPairing.NameOf(west.ProvinceCode))),
            _ => Component("pairing", "pairing.none", 0, max),
        };
    }

    private static IEnumerable<MatchComponent> Quota(MatchCandidate listing, QuotaStanding? quota)
    {
        if (quota is null) yield break;
        if (!quota.Declared)
        {
            yield return Component("quota", "quota.not-declared", 0, QuotaMax);
        }
        else if (quota.RemainingFen <= 0)
        {
            yield return Component("quota", "quota.met", listing.PovertyCertified ? 2 : 0, QuotaMax);
        }
        else
        {
            var remaining = A.Text("remaining", Money.FromFen(quota.RemainingFen).ToString());
            yield return listing.PovertyCertified
                ? Component("quota", "quota.counts", QuotaMax, QuotaMax, remaining)
                : Component("quota", "quota.not-counted", 0, QuotaMax, remaining);
        }
    }

    /// <summary>The monitoring's market link: a confirmed monitored household's produce first, its cooperative's next.</summary>
    private static IEnumerable<MatchComponent> Monitored(MatchCandidate listing)
    {
        switch (listing.Monitored)
        {
            case MonitoredProduce.Producer: yield return Component("monitoring", "monitoring.producer", MonitoredMax, MonitoredMax); break;
            case MonitoredProduce.CooperativeMember: yield return Component("monitoring", "monitoring.member", MonitoredMax / 2, MonitoredMax); break;
            case MonitoredProduce.None: yield return Component("monitoring", "monitoring.none", 0, MonitoredMax); break;
        }
    }

    /// <summary>A component explained by its code's template (<see cref="MatchExplanations"/>) and these arguments.</summary>
    private static MatchComponent Component(string component, string code, decimal points, decimal max, params MatchArgument[] arguments) =>
        new(component, code, points, max, MatchExplanations.Chinese(code, arguments), arguments);

    private static MatchExclusion Exclusion(string code, params MatchArgument[] arguments) =>
        new(code, MatchExplanations.Chinese(code, arguments), arguments);

    /// <summary>A hard exclusion, and the component (no points) that says the same.</summary>
    private static MatchComponent Excluded(string component, string code, decimal max, List<MatchExclusion> exclusions, params MatchArgument[] arguments)
    {
        exclusions.Add(Exclusion(code, arguments));
        return Component(component, code, 0, max, arguments);
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
