using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AgriLink.Tests.Shared;

/// <summary>
/// The certificate a cluster-mode web node encrypts its data-protection keys with (<c>DataProtection:CertificateFile</c>):
/// a self-signed RSA certificate and its private key in one PEM file, as an operator would mount it as a secret.
/// </summary>
public static class KeyCertificate
{
    /// <summary>Writes the PEM file into <paramref name="folder"/> and returns its path.</summary>
    public static string WritePem(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=AgriLink data-protection keys (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "data-protection.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");
        return path;
    }
}
