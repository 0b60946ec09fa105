using System.Globalization;

namespace AgriLink.Cluster.Tests.Infrastructure;

/// <summary>
/// Cluster mode as documented in the README, natively: silos (<c>AgriLink.Silo.dll</c>) on Redis membership and web nodes
/// (<c>AgriLink.Web.dll</c>) as Orleans clients, all on one fresh PostgreSQL database, each on free loopback ports.
/// The cluster id is the test's own, so parallel runs on the same Redis never meet.
/// </summary>
public sealed class AgriLinkCluster : IAsyncDisposable
{
    public const string SiloReady = "AgriLink silo ready";
    public const string WebReady = "AgriLink is running.";

    /// <summary>Bounds every wait on a node: starting, answering, dying.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);

    private readonly string _clusterId = $"test-{Guid.NewGuid():N}";
    private readonly string _data = Directory.CreateTempSubdirectory("agrilink-cluster-").FullName;
    private readonly List<NodeProcess> _nodes = [];
    private string? _certificate;

    private AgriLinkCluster(string database) => Database = database;

    /// <summary>The Npgsql connection string of this cluster's database.</summary>
    public string Database { get; }

    public static async Task<AgriLinkCluster> CreateAsync() => new(await TestServices.NewDatabaseAsync());

    /// <summary>What every node of the cluster is given (README "Cluster mode").</summary>
    private IEnumerable<string> Common =>
    [
        "--data", _data,
        "--AgriLink:Mode", "Cluster",
        "--ConnectionStrings:Redis", TestServices.Redis,
        "--Orleans:ClusterId", _clusterId,
        "--Storage:Provider", "PostgreSQL",
        "--ConnectionStrings:AgriLink", Database,
    ];

    public async Task<NodeProcess> StartSiloAsync(string name)
    {
        var silo = await NodeProcess.StartAsync(name, Built("silo", "AgriLink.Silo"), SiloReady,
        [
            .. Common,
            "--Orleans:SiloPort", NodeProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", NodeProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        ], Patience);
        _nodes.Add(silo);
        return silo;
    }

    /// <summary>A web node; <paramref name="args"/> add to (or override) what every node is given.</summary>
    public async Task<NodeProcess> StartWebAsync(string name, params string[] args)
    {
        // Cluster mode refuses plain data-protection keys: the README's certificate, as an operator mounts it.
        _certificate ??= KeyCertificate.WritePem(_data);
        var web = await NodeProcess.StartAsync(name, Built("web", "AgriLink.Web"), WebReady,
            [.. Common, "--DataProtection:CertificateFile", _certificate, .. args], Patience);
        _nodes.Add(web);
        return web;
    }

    /// <summary>A silo and a web node started at once: the web node keeps trying to reach a silo while it starts.</summary>
    public async Task<(NodeProcess Silo, NodeProcess Web)> StartSiloAndWebAsync(string silo, string web, params string[] webArgs)
    {
        var starting = StartSiloAsync(silo);
        var node = await StartWebAsync(web, webArgs);
        return (await starting, node);
    }

    /// <summary>Every node, SIGKILLed at once: the whole cluster goes down with nothing flushed.</summary>
    public async Task KillAllAsync()
    {
        await Task.WhenAll(_nodes.Select(n => n.KillAsync()));
        foreach (var node in _nodes) await node.DisposeAsync();
        _nodes.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAllAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    /// <summary>A program's build output in the same configuration and framework as this test's (e.g. bin/Release/net10.0).</summary>
    private static string Built(string folder, string project) =>
        NodeProcess.Built("AgriLink.Cluster.Tests", folder, project)
        ?? throw new FileNotFoundException($"{project} is not built (dotnet build AgriLink.sln).", project + ".dll");
}
