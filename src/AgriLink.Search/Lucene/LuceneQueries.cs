using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace AgriLink.Search.Lucene;

/// <summary>Turns a <see cref="ListingQuery"/> into Lucene queries, filters and sorts.</summary>
internal sealed class LuceneQueries(Analyzer grams, Analyzer smart)
{
    /// <summary>
    /// The text part: every bigram of the text is looked for in any text field (the best field counts, names weigh
    /// most) and enough of them must match — all of one or two, half of more, since bigrams that straddle two words
    /// (州刺 in 盘州刺梨) are noise. SmartCn words of the text add to the score but never decide a match. No text: all.
    /// </summary>
    public (Query Query, bool HasText) Text(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (new MatchAllDocsQuery(), false);
        var terms = Terms(grams, text);
        if (terms.Count == 0) return (new MatchAllDocsQuery(), false);

        var required = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            var any = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in LuceneFields.Text)
                any.Add(new TermQuery(new Term(field + LuceneFields.Bigrams, term)) { Boost = boost });
            any.Add(new TermQuery(new Term(LuceneFields.Aliases, term)) { Boost = LuceneFields.AliasBoost });
            required.Add(any, Occur.SHOULD);
        }
        required.MinimumNumberShouldMatch = MinimumMatch(terms.Count);

        var query = new BooleanQuery { { required, Occur.MUST } };
        if (Words(text) is { } words) query.Add(words, Occur.SHOULD);
        return (query, true);
    }

    /// <summary>All of one or two bigrams, half (rounded up) of three or more.</summary>
    public static int MinimumMatch(int terms) => terms <= 2 ? terms : (terms + 1) / 2;

    public Filter? Filter(ListingQuery q)
    {
        var all = new BooleanQuery();
        AnyOf(all, LuceneFields.Category, q.Categories);
        AnyOf(all, LuceneFields.County, q.CountyCodes);
        AnyOf(all, LuceneFields.County, q.WithinCounties);
        if (q.WithinCounties is { Count: 0 }) all.Add(new BooleanQuery(), Occur.MUST);   // within no county: nothing
        if (q.PovertyCertifiedOnly) all.Add(new TermQuery(new Term(LuceneFields.Certification, SearchLabels.Poverty)), Occur.MUST);
        if (q.InStockOnly) all.Add(new TermQuery(new Term(LuceneFields.InStock, "1")), Occur.MUST);
        if (q.MinPriceFen is not null || q.MaxPriceFen is not null)
            all.Add(NumericRangeQuery.NewInt64Range(LuceneFields.Price, q.MinPriceFen, q.MaxPriceFen, true, true), Occur.MUST);
        if (q.HarvestFrom is not null || q.HarvestTo is not null)
            all.Add(NumericRangeQuery.NewInt32Range(LuceneFields.Harvest, q.HarvestFrom?.DayNumber, q.HarvestTo?.DayNumber, true, true), Occur.MUST);
        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    /// <summary>Relevance without text is freshness; ties go to the fresher listing, then the id (stable pages).</summary>
    public static Sort Sort(ListingSort sort, bool hasText)
    {
        var fresh = new SortField(LuceneFields.Updated, SortFieldType.INT64, reverse: true);
        var id = new SortField(LuceneFields.Id, SortFieldType.STRING);
        return sort switch
        {
            ListingSort.PriceAsc => new Sort(new SortField(LuceneFields.PriceSort, SortFieldType.INT64), fresh, id),
            ListingSort.PriceDesc => new Sort(new SortField(LuceneFields.PriceSort, SortFieldType.INT64, reverse: true), fresh, id),
            ListingSort.Sales => new Sort(new SortField(LuceneFields.Sold, SortFieldType.INT64, reverse: true), fresh, id),
            ListingSort.Relevance when hasText => new Sort(SortField.FIELD_SCORE, fresh, id),
            _ => new Sort(fresh, id),
        };
    }

    private Query? Words(string text)
    {
        var parser = new MultiFieldQueryParser(LuceneListingSearch.Version, LuceneFields.Words, smart,
            LuceneFields.Text.Where(f => LuceneFields.Words.Contains(f.Field)).ToDictionary(f => f.Field, f => f.Boost))
        {
            DefaultOperator = Operator.OR,
        };
        try
        {
            return parser.Parse(QueryParserBase.Escape(text.Trim()));
        }
        catch (ParseException)
        {
            return null;
        }
    }

    private static void AnyOf(BooleanQuery all, string field, IReadOnlyList<string>? values)
    {
        if (values is not { Count: > 0 }) return;
        var any = new BooleanQuery();
        foreach (var value in values.Distinct(StringComparer.Ordinal)) any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        all.Add(any, Occur.MUST);
    }

    internal static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (!terms.Contains(value, StringComparer.Ordinal)) terms.Add(value);
        }
        stream.End();
        return terms;
    }
}
