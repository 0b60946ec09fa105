using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using AgriLink.Tests.Shared;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace AgriLink.Web.Tests.Live;

/// <summary>
/// Two web hosts on one silo cluster: node A co-hosts the silo, node B is an Orleans client of it (cluster mode with a
/// fixed gateway) and shares A's data folder (identity and signing keys). Whichever node a change comes through, the
/// grain raises the event once and every node's relay forwards it to its own SignalR clients.
/// </summary>
public sealed class TwoWebNodesTests
{
    private const string Listing = "lst-pzcilidried";

    [Fact]
    public async Task AChangeThroughOneNodeReachesTheClientsOfTheOther()
    {
        using var folder = new TempFolder();
        var gateway = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var a = await AppProcess.StartAsync(folder.Path,
            "--Orleans:GatewayPort", gateway, "--AgriLink:SignInAttemptsPerMinute", "100000");
        await using var b = await AppProcess.StartAsync(folder.Path,
            "--AgriLink:Mode", "Cluster", "--Orleans:Gateways", $"127.0.0.1:{gateway}", "--AgriLink:SeedDemo", "false",
            "--Search:Lucene:Path", Path.Combine(folder.Path, "search-b"), // a Lucene index is one process's
            "--AgriLink:SignInAttemptsPerMinute", "100000", "--DataProtection:CertificateFile", KeyCertificate.WritePem(folder.Path));
        // Were B a silo of its own, it would be a second one-silo cluster and nothing below would cross.

        var onA = Channel.CreateUnbounded<JsonElement>();
        var onB = Channel.CreateUnbounded<JsonElement>();
        await using var clientOfA = await LiveClient.ConnectAsync(a, "buyer.canteen", e => onA.Writer.TryWrite(e));
        await using var clientOfB = await LiveClient.ConnectAsync(b, "buyer.canteen", e => onB.Writer.TryWrite(e));
        await clientOfA.InvokeAsync("Join", $"listing:{Listing}", Api.Ct);
        await clientOfB.InvokeAsync("Join", $"listing:{Listing}", Api.Ct);

        await LiveClient.SendAsync(a, "coop.panzhou", HttpMethod.Put, $"/api/listings/{Listing}/stock", new { stock = 321 });
        var heardOnB = await LiveClient.NextAsync(onB, e => LiveClient.Stock(e) == 321);
        var heardOnA = await LiveClient.NextAsync(onA, e => LiveClient.Stock(e) == 321);
        Assert.Equal(heardOnA.GetProperty("sequence").GetInt64(), heardOnB.GetProperty("sequence").GetInt64());

        // And back: a change through B (a client node, no silo of its own) reaches A's clients, one number later.
        await LiveClient.SendAsync(b, "coop.panzhou", HttpMethod.Put, $"/api/listings/{Listing}/stock", new { stock = 322 });
        var backOnA = await LiveClient.NextAsync(onA, e => LiveClient.Stock(e) == 322);
        await LiveClient.NextAsync(onB, e => LiveClient.Stock(e) == 322);
        Assert.Equal(heardOnA.GetProperty("sequence").GetInt64() + 1, backOnA.GetProperty("sequence").GetInt64());
    }
}
