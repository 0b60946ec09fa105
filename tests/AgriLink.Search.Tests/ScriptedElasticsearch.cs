using System.Text;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace AgriLink.Search.Tests;

/// <summary>
/// The Elasticsearch client on its in-memory transport: every request is recorded (method, path, body) and answered
/// with the canned response chosen for it, built by <see cref="InMemoryRequestInvoker"/> with the product header the
/// client insists on.
/// </summary>
public sealed class ScriptedElasticsearch : IRequestInvoker
{
    private readonly InMemoryRequestInvoker _inner = new([], 200, null, "application/json",
        new Dictionary<string, IEnumerable<string>> { ["x-elastic-product"] = ["Elasticsearch"] });

    private readonly Func<Call, (int Status, string Body)> _respond;

    public ScriptedElasticsearch(Func<Call, (int Status, string Body)>? respond = null)
    {
        _respond = respond ?? Defaults;
        Client = new ElasticsearchClient(new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://127.0.0.1:9200")), this));
    }

    public ElasticsearchClient Client { get; }

    public List<Call> Requests { get; } = [];

    public ResponseFactory ResponseFactory => _inner.ResponseFactory;

    public void Dispose() => ((IDisposable)_inner).Dispose();

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var (status, body) = Record(endpoint, boundConfiguration, postData);
        return await _inner.BuildResponseAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken, Encoding.UTF8.GetBytes(body), status, "application/json");
    }

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new()
    {
        var (status, body) = Record(endpoint, boundConfiguration, postData);
        return _inner.BuildResponse<TResponse>(endpoint, boundConfiguration, postData, Encoding.UTF8.GetBytes(body), status, "application/json");
    }

    private (int, string) Record(Endpoint endpoint, BoundConfiguration config, PostData? postData)
    {
        var body = "";
        if (postData is not null)
        {
            using var stream = new MemoryStream();
            postData.Write(stream, config.ConnectionSettings, disableDirectStreaming: true);
            body = Encoding.UTF8.GetString(stream.ToArray());
        }
        var request = new Call(endpoint.Method.ToString(), endpoint.PathAndQuery, body);
        lock (Requests) Requests.Add(request);
        return _respond(request);
    }

    /// <summary>An index that exists and accepts everything; searches find nothing.</summary>
    public static (int, string) Defaults(Call r) => r switch
    {
        { Method: "HEAD" } => (200, ""),
        { Path: var p } when p.StartsWith("/_bulk", StringComparison.Ordinal) => (200, """{"took":1,"errors":false,"items":[]}"""),
        { Path: var p } when p.EndsWith("/_count", StringComparison.Ordinal) => (200, """{"count":0}"""),
        { Path: var p } when p.EndsWith("/_search", StringComparison.Ordinal) =>
            (200, """{"took":1,"timed_out":false,"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}"""),
        _ => (200, """{"acknowledged":true}"""),
    };

    public sealed record Call(string Method, string Path, string Body)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        /// <summary>The lines of an NDJSON body (bulk).</summary>
        public IReadOnlyList<JsonNode> Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
    }
}
