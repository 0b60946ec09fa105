using AgriLink.Tests.Shared;
using AgriLink.Web.Extensions;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Issue 22, item 5: the data-protection keys (they sign every sign-in) are encrypted at rest with the certificate of
/// <c>DataProtection:CertificateFile</c>; a cluster-mode web node, whose keys other processes can read (Redis, a shared
/// keys folder), refuses to start without one unless <c>DataProtection:AllowUnencryptedKeys</c> says otherwise.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyEncryptionTests
{
    [Fact]
    public async Task AClusterWebNodeWithoutTheCertificateRefusesToStartWithOneLineNamingTheSetting()
    {
        using var folder = new TempFolder();

        // Fixed gateways that nothing answers: the node must end before it ever tries them.
        var (exitCode, output) = await LockedDatabaseTests.RunAppAsync(folder.Path, "--AgriLink:Mode", "Cluster", "--Orleans:Gateways", "127.0.0.1:9");

        Assert.True(exitCode == KeyEncryption.ExitCode, $"Exit code {exitCode}: {output}");
        Assert.Contains(KeyEncryption.CertificateFileKey, output, StringComparison.Ordinal);
        Assert.Contains(KeyEncryption.AllowUnencryptedKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClusterWebNodeWithACertificateFileThatHasNoKeyRefusesToStart()
    {
        using var folder = new TempFolder();
        var pem = KeyCertificate.WritePem(folder.Path);
        var certificateOnly = Path.Combine(folder.Path, "certificate-only.pem");
        var text = await File.ReadAllTextAsync(pem, Api.Ct);
        await File.WriteAllTextAsync(certificateOnly, text[..(text.IndexOf("-----END CERTIFICATE-----", StringComparison.Ordinal) + 25)], Api.Ct);

        var (exitCode, output) = await LockedDatabaseTests.RunAppAsync(folder.Path,
            "--AgriLink:Mode", "Cluster", "--Orleans:Gateways", "127.0.0.1:9", "--DataProtection:CertificateFile", certificateOnly);

        Assert.True(exitCode == KeyEncryption.ExitCode, $"Exit code {exitCode}: {output}");
        Assert.Contains(certificateOnly, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheKeysAClusterWebNodeWritesAreEncryptedWithTheCertificate()
    {
        // The silo: an embedded node; the web node: a cluster-mode client of its gateway with a data folder (and keys) of its own.
        using var siloFolder = new TempFolder();
        await using var silo = new AgriLinkFactory(siloFolder.Path, new Dictionary<string, string?> { ["AgriLink:SeedDemo"] = "false" });
        silo.StartServer();
        using var folder = new TempFolder();
        string[] node =
        [
            "--AgriLink:Mode", "Cluster", "--Orleans:Gateways", $"127.0.0.1:{silo.GatewayPort}", "--AgriLink:SeedDemo", "false",
            "--DataProtection:CertificateFile", KeyCertificate.WritePem(folder.Path),
        ];
        await using (var web = await AppProcess.StartAsync(folder.Path, node))
        {
            // A sign-in form carries an antiforgery token: the node makes its first key to protect it.
            using var page = await web.Client.GetAsync("/account/login", Api.Ct);
            Assert.True(page.IsSuccessStatusCode, $"/account/login answered {(int)page.StatusCode}");
        }

        var keys = Directory.GetFiles(Path.Combine(folder.Path, "keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = await File.ReadAllTextAsync(key, Api.Ct);
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);   // what CertificateXmlEncryptor writes
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        }

        // Started again with the same certificate, the node reads its key back: it makes no new one.
        await using (var again = await AppProcess.StartAsync(folder.Path, node))
        {
            using var page = await again.Client.GetAsync("/account/login", Api.Ct);
            Assert.True(page.IsSuccessStatusCode, $"/account/login answered {(int)page.StatusCode} after the restart");
        }
        Assert.Equal(keys.Order(StringComparer.Ordinal), Directory.GetFiles(Path.Combine(folder.Path, "keys"), "key-*.xml").Order(StringComparer.Ordinal));
    }
}
