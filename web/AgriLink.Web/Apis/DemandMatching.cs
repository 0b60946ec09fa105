using System.Globalization;
using AgriLink.Domain.Matching;
using AgriLink.Domain.Orders;
using AgriLink.Domain.Quantities;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Common;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Matching;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Quotas;
using AgriLink.Search;

namespace AgriLink.Web.Apis;

/// <summary>
/// Matches a demand against the market: candidates from <see cref="IListingSearch"/> (text relevance), then each listing
/// grain for its committed stock, minimum order and harvest, and the buyer's quota from its budget unit's quota grain.
/// </summary>
public static class DemandMatching
{
    /// <summary>Candidates fetched from search per demand.</summary>
    public const int CandidateLimit = 50;

    public static async Task<DemandMatches> Rank(IGrainFactory grains, IListingSearch search, MonitoringQueries monitoring, TimeProvider clock,
        DemandDetails demand, bool explainExcluded, CancellationToken ct)
    {
        var spec = demand.Spec;
        var (hits, byCategory) = await Candidates(search, spec, explainExcluded, ct);
        var listings = await Task.WhenAll(hits.Select(h => Listing(grains, h.ListingId)));
        var monitored = await monitoring.MonitoredMembers(listings.OfType<ListingDetails>().Select(l => l.CooperativeId).ToList());
        var quota = await Quota(grains, demand.BuyerId, clock.Today().Year);
        var context = new MatchContext(clock.Today(), hits.Count == 0 ? 0 : hits.Max(h => h.Score), quota);
        var matches = hits.Zip(listings)
            .Where(x => x.Second is not null)
            .Select(x => Match(spec, x.Second!, x.First.Score, context, monitored) with { FoundByWords = !byCategory.Contains(x.First.ListingId) })
            .OrderByDescending(m => m.Eligible).ThenByDescending(m => m.Score).ThenBy(m => m.ListingId, StringComparer.Ordinal)
            .ToList();
        var excluded = matches.Count(m => !m.Eligible);
        return new(demand.Id, matches.Count, excluded, quota, explainExcluded ? matches : matches.Where(m => m.Eligible).ToList());
    }

    /// <summary>The split over the eligible matches, in integer base units so that no listing is asked for more than it has.</summary>
    /// <remarks>
    /// The listings the demand's words found are split first; the rest of its category joins only when they cannot cover
    /// the quantity, so a buyer who named a product gets it when there is enough of it.
    /// </remarks>
    public static SplitProposal Split(DemandDetails demand, DemandMatches matches)
    {
        var spec = demand.Spec;
        var eligible = matches.Items.Where(m => m.Eligible).ToDictionary(m => m.ListingId, StringComparer.Ordinal);
        var wanted = MatchUnits.ToBase(spec.Quantity, spec.Unit);
        List<SplitOption> Options(IEnumerable<DemandMatch> from) => from.Select(m => new SplitOption(m.ListingId, m.CooperativeId,
            MatchUnits.ToBase(m.Stock, m.Unit), MatchUnits.ToBase(m.ListingMinOrder, m.Unit), MatchUnits.BasePerMilli(m.Unit), m.Score)).ToList();
        var plan = SplitPlanner.Propose(wanted, Options(eligible.Values.Where(m => m.FoundByWords)));
        if (!plan.Covers && eligible.Values.Any(m => !m.FoundByWords)) plan = SplitPlanner.Propose(wanted, Options(eligible.Values));
        var lines = plan.Allocations.Select(a =>
        {
            var m = eligible[a.ListingId];
            var quantity = MatchUnits.FromBase(a.Quantity, m.Unit);
            return new SplitLine(m.ListingId, m.CooperativeId, m.Title, quantity, m.Unit, m.PriceFen, LinePricing.AmountFen(m.PriceFen, quantity),
                MatchUnits.FromBase(a.Quantity, spec.Unit), m.Score);
        }).ToList();
        var covered = MatchUnits.FromBase(plan.Covered, spec.Unit);
        var shortfall = MatchUnits.FromBase(plan.Shortfall, spec.Unit);
        var proposal = new SplitProposal(demand.Id, spec.Quantity, spec.Unit, plan.Covers, covered, shortfall, plan.Suppliers,
            lines.Sum(l => l.AmountFen), lines, "");
        return proposal with { Explanation = Explain(proposal, template => template, Units.ChineseName) };
    }

    /// <summary>The split's explanations in zh-CN, as format templates: the API's words, and the keys other languages translate.</summary>
    public static readonly IReadOnlyList<string> SplitTemplates =
    [
        "由{0}家合作社的{1}个商品凑齐{2}{3}，是满足起订量和库存的最少供货方组合。",
        "没有符合条件的商品可供应这{0}{1}。",
        "现有符合条件的货源最多供应{0}{1}，尚差{2}{1}。",
    ];

    /// <summary>Words the split's explanation with <paramref name="word"/> (a template in the page's language) and unit names.</summary>
    public static string Explain(SplitProposal split, Func<string, string> word, Func<Unit, string> unitName)
    {
        var unit = unitName(split.Unit);
        return split.Covers
            ? string.Format(CultureInfo.InvariantCulture, word(SplitTemplates[0]), split.Suppliers, split.Lines.Count, Amount(split.Quantity), unit)
            : split.Lines.Count == 0
                ? string.Format(CultureInfo.InvariantCulture, word(SplitTemplates[1]), Amount(split.Quantity), unit)
                : string.Format(CultureInfo.InvariantCulture, word(SplitTemplates[2]), Amount(split.Covered), unit, Amount(split.Shortfall));
    }

    /// <summary>
    /// The listings the demand's words find, then every other listing of its category that the words miss (scored without
    /// text relevance): a listing of the right kind is never left out unseen because its title says it differently, it
    /// is either ranked or excluded with its reason.
    /// </summary>
    private static async Task<(IReadOnlyList<ListingHit> Hits, IReadOnlySet<string> ByCategory)> Candidates(
        IListingSearch search, DemandSpec spec, bool everything, CancellationToken ct)
    {
        // Asked to explain exclusions, the search filters nothing the scoring would exclude, so every reason shows.
        var categories = spec.Category is { } c ? new[] { c.ToString() } : null;
        var query = new ListingQuery(Text: spec.SearchText, Categories: everything ? null : categories,
            PovertyCertifiedOnly: spec.Prefers.CertifiedOnly && !everything, InStockOnly: !everything, Take: CandidateLimit);
        var hits = (await search.SearchAsync(query, ct)).Hits;
        if (categories is null) return (hits, new HashSet<string>());
        var found = hits.Select(h => h.ListingId).ToHashSet(StringComparer.Ordinal);
        var more = (await search.SearchAsync(query with { Text = null, Categories = categories }, ct)).Hits
            .Where(h => !found.Contains(h.ListingId)).Select(h => h with { Score = 0 }).ToList();
        return ([.. hits, .. more], more.Select(h => h.ListingId).ToHashSet(StringComparer.Ordinal));
    }

    private static async Task<ListingDetails?> Listing(IGrainFactory grains, string listingId)
    {
        var grain = grains.GetGrain<IListingGrain>(listingId);
        return await grain.Exists() ? await grain.Get() : null;
    }

    /// <summary>The remaining quota of the buyer's budget unit this year; null for buyers without one.</summary>
    private static async Task<QuotaStanding?> Quota(IGrainFactory grains, string buyerId, int year)
    {
        var buyer = grains.GetGrain<IBuyerGrain>(buyerId);
        if (!await buyer.Exists() || QuotaAttribution.For(await buyer.Get()) is not { } unit) return null;
        var progress = await grains.GetGrain<IBuyerQuotaGrain>(new BuyerYear(unit.UnitId, year).ToString()).Progress();
        return new QuotaStanding(progress.Declared, progress.RemainingFen);
    }

    private static DemandMatch Match(DemandSpec spec, ListingDetails listing, double relevance, MatchContext context,
        IReadOnlyDictionary<string, IReadOnlySet<string>> monitored)
    {
        var link = MatchCandidate.LinkOf(listing.Draft.ProducerIds, monitored.GetValueOrDefault(listing.CooperativeId) ?? NoMembers);
        var candidate = MatchCandidate.From(listing.Id, listing.CooperativeId, listing.Draft, listing.Status, listing.PovertyCertification is not null,
            relevance, link);
        var result = MatchScoring.Score(spec, candidate, context);
        var d = listing.Draft;
        return new(listing.Id, listing.CooperativeId, d.Title, result.Score, result.Eligible, d.PriceFen, d.Unit, d.Stock, d.MinOrder, d.CountyCode,
            candidate.PovertyCertified, result.Available, result.MinOrder, result.Components, result.Exclusions);
    }

    private static readonly IReadOnlySet<string> NoMembers = new HashSet<string>();

    private static string Amount(decimal amount) => decimal.Round(amount, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
