using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AgriLink.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace AgriLink.Web.Extensions;

/// <summary>
/// The data-protection keys (which sign sign-in cookies and bearer tokens) encrypted at rest with a certificate:
/// <c>DataProtection:CertificateFile</c> names a PEM file with the certificate and its private key (or the certificate
/// alone, its key in <c>DataProtection:CertificateKeyFile</c>), mounted as a secret. Whoever reads the key store (Redis,
/// the keys folder) without the certificate's key can then neither read the keys nor forge a sign-in. In cluster mode
/// the keys are shared where more than one process can read them, so a node refuses to start without the certificate
/// unless <c>DataProtection:AllowUnencryptedKeys=true</c> says the operator accepts plain keys (a trial on one machine).
/// Keys written before the certificate was set stay readable; they are replaced as they expire (90 days).
/// </summary>
public static class KeyEncryption
{
    public const string CertificateFileKey = "DataProtection:CertificateFile";
    public const string CertificateKeyFileKey = "DataProtection:CertificateKeyFile";
    public const string AllowUnencryptedKey = "DataProtection:AllowUnencryptedKeys";

    /// <summary>The exit code of a start refused for its key encryption (sysexits' EX_CONFIG).</summary>
    public const int ExitCode = 78;

    public static IDataProtectionBuilder ProtectKeysAsConfigured(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        if (configuration[CertificateFileKey] is { Length: > 0 } file)
            return dataProtection.ProtectKeysWithCertificate(Load(file, configuration[CertificateKeyFileKey]));
        if (Refused(configuration) is { } refusal) throw new InvalidOperationException(refusal);
        return dataProtection;
    }

    /// <summary>
    /// Null when the keys can be protected as configured; otherwise the one line Program.cs prints before it ends the
    /// start with <see cref="ExitCode"/> (no certificate in cluster mode, or one that cannot be loaded).
    /// </summary>
    public static string? Problem(IConfiguration configuration)
    {
        if (configuration[CertificateFileKey] is not { Length: > 0 } file)
            return Refused(configuration) is { } refusal ? "AgriLink cannot start: " + refusal : null;
        try
        {
            using var certificate = Load(file, configuration[CertificateKeyFileKey]);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return "AgriLink cannot start: " + e.Message;
        }
    }

    private static string? Refused(IConfiguration configuration) =>
        configuration.Mode() == HostingMode.Cluster && !configuration.GetValue(AllowUnencryptedKey, false)
            ? "cluster mode keeps the data-protection keys (they sign every sign-in) where other processes read them, so they must be encrypted at rest: " +
              $"set {CertificateFileKey} to a PEM file with a certificate and its private key (a secret; README \"Cluster mode\"), " +
              $"or {AllowUnencryptedKey}=true to accept unencrypted keys."
            : null;

    private static X509Certificate2 Load(string file, string? keyFile)
    {
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(file, string.IsNullOrEmpty(keyFile) ? null : keyFile);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{CertificateFileKey} '{file}' has no private key: the keys could be encrypted but never read back.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{CertificateFileKey} '{file}' could not be loaded as a PEM certificate with its private key: {e.Message}", e);
        }
    }
}
