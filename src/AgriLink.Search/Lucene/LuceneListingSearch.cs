using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace AgriLink.Search.Lucene;

/// <summary>
/// The embedded backend: a Lucene.NET index in a folder beside the database (or in memory). Text is indexed twice,
/// by SmartCn words and by CJK bigrams (<see cref="CjkGramAnalyzer"/>); a query must match enough of its bigrams
/// and scores higher for SmartCn words, so 盘州 and 刺梨 are found although SmartCn splits them. Writes are visible
/// to searches at once (near-real-time reader reopened after each write) and committed to disk.
/// </summary>
public sealed class LuceneListingSearch : IListingSearch, IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Analyzer _queryGrams = new CjkGramAnalyzer(unigrams: false);
    private readonly Analyzer _smart = new SmartChineseAnalyzer(Version);
    private readonly LuceneQueries _queries;

    /// <summary>The indexed version of each listing (loaded from the index on open), so older documents are ignored.</summary>
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock _write = new();
    private bool _disposed;

    /// <param name="path">The index folder; null keeps the index in memory (tests, benchmarks).</param>
    public LuceneListingSearch(string? path)
    {
        _directory = path is null ? new RAMDirectory() : FSDirectory.Open(System.IO.Directory.CreateDirectory(path));
        var grams = new CjkGramAnalyzer(unigrams: true);
        var analyzer = new PerFieldAnalyzerWrapper(_smart, LuceneFields.Text
            .Select(f => f.Field + LuceneFields.Bigrams).Append(LuceneFields.Aliases)
            .ToDictionary(f => f, Analyzer (_) => grams));
        var config = new IndexWriterConfig(Version, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25Searchers());
        _queries = new LuceneQueries(_queryGrams, _smart);
        LoadVersions();
    }

    public Task IndexAsync(IReadOnlyList<ListingDocument> documents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lock (_write)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // The last of several documents for one listing in a batch is the one that counts (if not older).
            foreach (var document in documents)
            {
                ct.ThrowIfCancellationRequested();
                if (_versions.TryGetValue(document.ListingId, out var indexed) && document.Version < indexed) continue;
                _writer.UpdateDocument(new Term(LuceneFields.Id, document.ListingId), ToLucene(document));
                _versions[document.ListingId] = document.Version;
            }
            Publish();
        }
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string listingId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(listingId);
        lock (_write)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_versions.Remove(listingId)) return Task.CompletedTask;
            _writer.DeleteDocuments(new Term(LuceneFields.Id, listingId));
            Publish();
        }
        return Task.CompletedTask;
    }

    public Task ResetAsync(CancellationToken ct = default)
    {
        lock (_write)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.DeleteAll();
            _versions.Clear();
            Publish();
        }
        return Task.CompletedTask;
    }

    public Task<long> CountAsync(CancellationToken ct = default)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return Task.FromResult((long)searcher.IndexReader.NumDocs);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public Task<ListingSearchResult> SearchAsync(ListingQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var take = Math.Clamp(query.Take, 0, ListingQuery.MaxTake);
        var skip = Math.Clamp(query.Skip, 0, ListingQuery.MaxSkip);
        var (text, hasText) = _queries.Text(query.Text);
        var filter = _queries.Filter(query);
        var searcher = _searchers.Acquire();
        try
        {
            // One pass over the matches: facet counts and the top of the page together.
            var facets = new FacetCollector();
            var top = TopFieldCollector.Create(LuceneQueries.Sort(query.Sort, hasText), Math.Max(1, skip + take),
                fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            searcher.Search(text, filter, MultiCollector.Wrap(facets, top));
            var hits = take == 0 ? [] : top.GetTopDocs(skip, take).ScoreDocs.Select(hit => ToHit(searcher.Doc(hit.Doc), hit.Score)).ToList();
            return Task.FromResult(new ListingSearchResult(facets.Total, hits, facets.Facets()));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        lock (_write)
        {
            if (_disposed) return;
            _disposed = true;
            _searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
            _queryGrams.Dispose();
            _smart.Dispose();
        }
    }

    /// <summary>Commits (durable) and reopens the near-real-time reader (visible to the next search).</summary>
    private void Publish()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    private void LoadVersions()
    {
        using var reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var ids = atomic.GetSortedDocValues(LuceneFields.Id);
            var versions = atomic.GetNumericDocValues(LuceneFields.Version);
            if (ids is null || versions is null) continue;
            var live = atomic.LiveDocs;
            var id = new BytesRef();
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                ids.Get(doc, id);
                _versions[id.Utf8ToString()] = versions.Get(doc);
            }
        }
    }

    private static Document ToLucene(ListingDocument d)
    {
        var doc = new Document
        {
            new StringField(LuceneFields.Id, d.ListingId, Field.Store.NO),
            new SortedDocValuesField(LuceneFields.Id, new BytesRef(d.ListingId)),
            new NumericDocValuesField(LuceneFields.Version, d.Version),
            new StoredField(LuceneFields.Document, JsonSerializer.Serialize(d, Json)),
            new StringField(LuceneFields.Category, d.Category, Field.Store.NO),
            new SortedDocValuesField(LuceneFields.Category, new BytesRef(d.Category)),
            new StringField(LuceneFields.County, d.CountyCode, Field.Store.NO),
            new SortedDocValuesField(LuceneFields.CountyFacet, new BytesRef(SearchText.CountyFacet(d))),
            new StringField(LuceneFields.InStock, d.InStock ? "1" : "0", Field.Store.NO),
            new NumericDocValuesField(LuceneFields.InStock, d.InStock ? 1 : 0),
            new Int64Field(LuceneFields.Price, d.PriceFen, Field.Store.NO),
            new NumericDocValuesField(LuceneFields.PriceSort, d.PriceFen),
            new NumericDocValuesField(LuceneFields.Updated, d.UpdatedAt.UtcTicks),
            new NumericDocValuesField(LuceneFields.Sold, SearchText.SoldMilli(d)),
        };
        AddText(doc, LuceneFields.Name, SearchText.Name(d));
        AddText(doc, LuceneFields.Body, SearchText.Body(d));
        AddText(doc, LuceneFields.Cooperative, d.CooperativeName);
        AddText(doc, LuceneFields.Origin, SearchText.Origin(d));
        doc.Add(new TextField(LuceneFields.Aliases, SearchText.Aliases(d), Field.Store.NO));
        foreach (var certification in SearchText.Certifications(d))
        {
            doc.Add(new StringField(LuceneFields.Certification, certification, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(LuceneFields.Certification, new BytesRef(certification)));
        }
        if (SearchText.HarvestDay(d) is { } day) doc.Add(new Int32Field(LuceneFields.Harvest, day, Field.Store.NO));
        return doc;
    }

    /// <summary>SmartCn words only where they help ranking (short fields): the long description is indexed as bigrams alone.</summary>
    private static void AddText(Document doc, string field, string text)
    {
        if (text.Length == 0) return;
        if (LuceneFields.Words.Contains(field)) doc.Add(new TextField(field, text, Field.Store.NO));
        doc.Add(new TextField(field + LuceneFields.Bigrams, text, Field.Store.NO));
    }

    private static ListingHit ToHit(Document stored, float score)
    {
        var d = JsonSerializer.Deserialize<ListingDocument>(stored.Get(LuceneFields.Document), Json)!;
        return new ListingHit(d.ListingId, float.IsNaN(score) ? 0 : score, d.Title, d.Category, d.CooperativeId, d.CooperativeName,
            d.CountyCode, d.CountyName, d.PriceFen, d.Unit, d.Stock, d.PovertyCertified, d.InStock, d.HarvestDate, d.Variety, d.UpdatedAt);
    }

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
