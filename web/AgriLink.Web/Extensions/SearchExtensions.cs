using AgriLink.Hosting;
using AgriLink.Search;
using AgriLink.Search.Elasticsearch;
using AgriLink.Search.Lucene;
using AgriLink.Web.Search;

namespace AgriLink.Web.Extensions;

public static class SearchExtensions
{
    public const string LuceneBackend = "Lucene";
    public const string ElasticsearchBackend = "Elasticsearch";

    /// <summary>
    /// <see cref="IListingSearch"/> by <c>Search:Backend</c>: <c>Lucene</c> (default; index in the data folder's
    /// <c>search</c> folder or <c>Search:Lucene:Path</c>, one process at a time) or <c>Elasticsearch</c> (<c>Search:Elasticsearch:Url</c>, optional
    /// <c>:Index</c>, <c>:ApiKey</c> or <c>:UserName</c>/<c>:Password</c>, each secret also as the file
    /// <c>:ApiKeyFile</c> or <c>:PasswordFile</c> names: <see cref="SecretSettings"/>), and the feeder that follows listing changes
    /// (<c>Search:Feed</c>, default true).
    /// </summary>
    public static WebApplicationBuilder AddAgriLinkSearch(this WebApplicationBuilder builder, bool feed = true)
    {
        var config = builder.Configuration;
        var backend = config["Search:Backend"] ?? LuceneBackend;
        if (string.Equals(backend, ElasticsearchBackend, StringComparison.OrdinalIgnoreCase))
        {
            var url = config["Search:Elasticsearch:Url"];
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
                throw new InvalidOperationException("Search:Backend is Elasticsearch but Search:Elasticsearch:Url is not an absolute URL.");
            builder.Services.AddSingleton<IListingSearch>(_ => ElasticsearchListingSearch.Create(uri, config["Search:Elasticsearch:Index"],
                config.Secret("Search:Elasticsearch:ApiKey"), config["Search:Elasticsearch:UserName"], config.Secret("Search:Elasticsearch:Password")));
        }
        else if (string.Equals(backend, LuceneBackend, StringComparison.OrdinalIgnoreCase))
        {
            // Search:Lucene:Path gives a web node an index folder of its own when nodes share a data folder.
            builder.Services.AddSingleton<IListingSearch>(s =>
                new LuceneListingSearch(config["Search:Lucene:Path"] ?? IndexFolder(s.GetRequiredService<DataFolder>())));
        }
        else
        {
            throw new InvalidOperationException($"Search:Backend must be {LuceneBackend} or {ElasticsearchBackend}, not '{backend}'.");
        }

        builder.Services.AddSingleton<ListingIndexer>();
        if (feed && config.GetValue("Search:Feed", true)) builder.Services.AddHostedService<SearchFeeder>();
        return builder;
    }

    /// <summary>The Lucene index folder, beside the database.</summary>
    public static string IndexFolder(DataFolder data) => Path.Combine(data.Path, "search");
}
