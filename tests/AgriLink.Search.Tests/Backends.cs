using AgriLink.Search.Elasticsearch;
using AgriLink.Search.Lucene;
using Xunit;

namespace AgriLink.Search.Tests;

/// <summary>
/// The backends the contract suite runs on: Lucene always (in memory), and a real Elasticsearch when
/// <c>AGRILINK_ELASTICSEARCH_URL</c> is set (each test gets its own index, deleted afterwards).
/// </summary>
public static class Backends
{
    public const string Lucene = "Lucene";
    public const string Elasticsearch = "Elasticsearch";
    public const string UrlVariable = "AGRILINK_ELASTICSEARCH_URL";

    public static TheoryData<string> All
    {
        get
        {
            var all = new TheoryData<string> { Lucene };
            if (ElasticsearchUrl is not null) all.Add(Elasticsearch);
            return all;
        }
    }

    public static Uri? ElasticsearchUrl =>
        Uri.TryCreate(Environment.GetEnvironmentVariable(UrlVariable), UriKind.Absolute, out var url) ? url : null;

    public static async Task<Backend> Create(string name)
    {
        if (name == Lucene) return new Backend(new LuceneListingSearch(path: null), null);
        var search = ElasticsearchListingSearch.Create(ElasticsearchUrl!, $"agrilink-test-{Guid.NewGuid():N}");
        await search.ResetAsync();
        return new Backend(search, () => search.DeleteIndexAsync());
    }
}

/// <summary>A backend for one test; disposing it frees the index.</summary>
public sealed class Backend(IListingSearch search, Func<Task>? cleanUp) : IAsyncDisposable
{
    public IListingSearch Search { get; } = search;

    public async ValueTask DisposeAsync()
    {
        if (cleanUp is not null) await cleanUp();
        (Search as IDisposable)?.Dispose();
    }
}
