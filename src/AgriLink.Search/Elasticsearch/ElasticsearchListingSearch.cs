using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace AgriLink.Search.Elasticsearch;

/// <summary>
/// The cluster backend: one Elasticsearch index (created from an index template with the <c>smartcn</c> analyzer and
/// CJK bigram sub-fields on first use). Writes wait for a refresh (<c>refresh=wait_for</c>), so a change is searchable
/// when the call returns; versions are external (<c>external_gte</c>), so an older document never replaces a newer one.
/// Requests go through the official client's transport with the bodies of <see cref="ElasticsearchRequests"/>.
/// </summary>
public sealed class ElasticsearchListingSearch(ElasticsearchClient client, string index) : IListingSearch
{
    public const string DefaultIndex = "agrilink-listings";

    private readonly SemaphoreSlim _ensure = new(1, 1);
    private volatile bool _ready;

    public string Index { get; } = index;

    public static ElasticsearchListingSearch Create(Uri url, string? index = null, string? apiKey = null, string? userName = null, string? password = null)
    {
        var settings = new ElasticsearchClientSettings(url);
        if (!string.IsNullOrEmpty(apiKey)) settings.Authentication(new ApiKey(apiKey));
        else if (!string.IsNullOrEmpty(userName)) settings.Authentication(new BasicAuthentication(userName, password ?? ""));
        return new ElasticsearchListingSearch(new ElasticsearchClient(settings), string.IsNullOrWhiteSpace(index) ? DefaultIndex : index);
    }

    public async Task IndexAsync(IReadOnlyList<ListingDocument> documents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0) return;
        await EnsureIndex(ct);
        var (status, body) = await Send(HttpMethod.POST, "/_bulk?refresh=wait_for", ElasticsearchRequests.Bulk(Index, documents), ct);
        Check(status, body, "bulk index");
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("errors", out var errors) || !errors.GetBoolean()) return;
        foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
        {
            var result = item.GetProperty("index");
            if (!result.TryGetProperty("error", out var error)) continue;
            // An older version than the one indexed: ignored by contract.
            if (error.GetProperty("type").GetString() == "version_conflict_engine_exception") continue;
            throw new SearchBackendException($"Elasticsearch refused listing {result.GetProperty("_id").GetString()}: {error}");
        }
    }

    public async Task RemoveAsync(string listingId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(listingId);
        await EnsureIndex(ct);
        var (status, body) = await Send(HttpMethod.DELETE, $"/{Index}/_doc/{Uri.EscapeDataString(listingId)}?refresh=wait_for", null, ct);
        if (status != 404) Check(status, body, "delete");
    }

    public async Task ResetAsync(CancellationToken ct = default)
    {
        var (status, body) = await Send(HttpMethod.DELETE, $"/{Index}", null, ct);
        if (status != 404) Check(status, body, "delete index");
        _ready = false;
        await EnsureIndex(ct);
    }

    /// <summary>Deletes the index and its template (tests, or retiring an index name).</summary>
    public async Task DeleteIndexAsync(CancellationToken ct = default)
    {
        var (status, body) = await Send(HttpMethod.DELETE, $"/{Index}", null, ct);
        if (status != 404) Check(status, body, "delete index");
        (status, body) = await Send(HttpMethod.DELETE, $"/_index_template/{Index}-template", null, ct);
        if (status != 404) Check(status, body, "delete index template");
        _ready = false;
    }

    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        await EnsureIndex(ct);
        var (status, body) = await Send(HttpMethod.GET, $"/{Index}/_count", null, ct);
        Check(status, body, "count");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("count").GetInt64();
    }

    public async Task<ListingSearchResult> SearchAsync(ListingQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureIndex(ct);
        var (status, body) = await Send(HttpMethod.POST, $"/{Index}/_search", ElasticsearchRequests.Search(query).ToJsonString(), ct);
        Check(status, body, "search");
        return ElasticsearchResponses.Search(body);
    }

    /// <summary>Puts the index template and creates the index if it does not exist yet (once per instance).</summary>
    private async Task EnsureIndex(CancellationToken ct)
    {
        if (_ready) return;
        await _ensure.WaitAsync(ct);
        try
        {
            if (_ready) return;
            var (status, body) = await Send(HttpMethod.PUT, $"/_index_template/{Index}-template", ElasticsearchRequests.Template(Index).ToJsonString(), ct);
            Check(status, body, "index template");
            (status, body) = await Send(HttpMethod.HEAD, $"/{Index}", null, ct);
            if (status == 404)
            {
                (status, body) = await Send(HttpMethod.PUT, $"/{Index}", null, ct);
                if (!(status == 400 && body.Contains("resource_already_exists_exception", StringComparison.Ordinal))) Check(status, body, "create index");
            }
            else
            {
                Check(status, body, "index exists");
            }
            _ready = true;
        }
        finally
        {
            _ensure.Release();
        }
    }

    private async Task<(int Status, string Body)> Send(HttpMethod method, string path, string? body, CancellationToken ct)
    {
        var response = body is null
            ? await client.Transport.RequestAsync<StringResponse>(method, path, ct)
            : await client.Transport.RequestAsync<StringResponse>(method, path, PostData.String(body), ct);
        var details = response.ApiCallDetails;
        if (details.HttpStatusCode is not { } status)
            throw new SearchBackendException($"Elasticsearch did not answer {method} {path}.", details.OriginalException);
        return (status, response.Body ?? "");
    }

    private static void Check(int status, string body, string what)
    {
        if (status is < 200 or > 299)
            throw new SearchBackendException($"Elasticsearch {what} failed with HTTP {status}: {(body.Length > 500 ? body[..500] : body)}");
    }
}

/// <summary>The search backend could not be reached or refused a request.</summary>
public sealed class SearchBackendException(string message, Exception? inner = null) : Exception(message, inner);
