using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AgriLink.Search.Lucene;

/// <summary>
/// Counts every match and tallies its facet values from doc values: per segment by ordinal (no strings per document),
/// resolved to values when the segment is done.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly FacetTally _tally = new();
    private readonly BytesRef _bytes = new();
    private SortedDocValues? _categories;
    private SortedDocValues? _counties;
    private SortedSetDocValues? _certifications;
    private NumericDocValues? _prices;
    private NumericDocValues? _stock;
    private long[] _categoryCounts = [];
    private long[] _countyCounts = [];
    private long[] _certificationCounts = [];

    public long Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _categories = reader.GetSortedDocValues(LuceneFields.Category);
        _counties = reader.GetSortedDocValues(LuceneFields.CountyFacet);
        _certifications = reader.GetSortedSetDocValues(LuceneFields.Certification);
        _prices = reader.GetNumericDocValues(LuceneFields.PriceSort);
        _stock = reader.GetNumericDocValues(LuceneFields.InStock);
        _categoryCounts = new long[_categories?.ValueCount ?? 0];
        _countyCounts = new long[_counties?.ValueCount ?? 0];
        _certificationCounts = new long[_certifications?.ValueCount ?? 0];
    }

    public void Collect(int doc)
    {
        Total++;
        if (_categories?.GetOrd(doc) is >= 0 and var category) _categoryCounts[category]++;
        if (_counties?.GetOrd(doc) is >= 0 and var county) _countyCounts[county]++;
        if (_certifications is not null)
        {
            _certifications.SetDocument(doc);
            for (var ord = _certifications.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _certifications.NextOrd())
                _certificationCounts[ord]++;
        }
        if (_prices is not null) _tally.Price(_prices.Get(doc));
        if (_stock is not null) _tally.Stock(_stock.Get(doc) == 1);
    }

    public ListingFacets Facets()
    {
        Flush();
        return _tally.ToFacets();
    }

    private void Flush()
    {
        for (var ord = 0; ord < _categoryCounts.Length; ord++)
        {
            if (_categoryCounts[ord] == 0) continue;
            _categories!.LookupOrd(ord, _bytes);
            _tally.Category(_bytes.Utf8ToString(), _categoryCounts[ord]);
        }
        for (var ord = 0; ord < _countyCounts.Length; ord++)
        {
            if (_countyCounts[ord] == 0) continue;
            _counties!.LookupOrd(ord, _bytes);
            _tally.County(_bytes.Utf8ToString(), _countyCounts[ord]);
        }
        for (var ord = 0; ord < _certificationCounts.Length; ord++)
        {
            if (_certificationCounts[ord] == 0) continue;
            _certifications!.LookupOrd(ord, _bytes);
            _tally.Certification(_bytes.Utf8ToString(), _certificationCounts[ord]);
        }
        _categoryCounts = _countyCounts = _certificationCounts = [];
    }
}
