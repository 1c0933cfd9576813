// Copyright (c) PorSetup contributors. MIT licensed.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PorSetup.Testing;

/// <summary>
/// Throw-away self-signed certificates in password-protected .pfx files, made for one test run and deleted with
/// it: one with the Code Signing usage, one with another usage, one with no usage extension at all, one expired;
/// and osslsigncode, run for real, to check signatures.
/// </summary>
public sealed class TestSigning : IDisposable
{
    /// <summary>Spaces, quotes, a dollar and percent signs: a password no shell or cmd line may see unquoted.</summary>
    public const string Password = "test only: \"pass word\" $HOME %PATH% & 'x'";

    public TestSigning()
    {
        Folder = Directory.CreateTempSubdirectory("porsetup-signing-").FullName;
        var now = DateTimeOffset.UtcNow;
        CodeSigningPfx = Write("code-signing.pfx", "CN=PorSetup Test Code Signing", CodeSigningUsage, now.AddDays(-1), now.AddDays(7), out var pem);
        CertificatePem = Path.Combine(Folder, "code-signing.pem");
        File.WriteAllText(CertificatePem, pem);
        NoCodeSigningPfx = Write("server-auth.pfx", "CN=PorSetup Test Not Code Signing", "1.3.6.1.5.5.7.3.1", now.AddDays(-1), now.AddDays(7), out _);
        NoUsagePfx = Write("no-usage.pfx", "CN=PorSetup Test No Usage", usage: null, now.AddDays(-1), now.AddDays(7), out _);
        ExpiredPfx = Write("expired.pfx", "CN=PorSetup Test Expired", CodeSigningUsage, now.AddDays(-30), now.AddDays(-10), out _);
    }

    private const string CodeSigningUsage = "1.3.6.1.5.5.7.3.3";

    public string Folder { get; }

    /// <summary>A certificate with the Code Signing extended key usage and its private key.</summary>
    public string CodeSigningPfx { get; }

    /// <summary>The code-signing certificate alone (PEM), the trust anchor for <c>osslsigncode verify -CAfile</c>.</summary>
    public string CertificatePem { get; }

    /// <summary>A certificate with the Server Authentication usage only.</summary>
    public string NoCodeSigningPfx { get; }

    /// <summary>A certificate without an extended key usage extension (which Windows takes as good for anything).</summary>
    public string NoUsagePfx { get; }

    /// <summary>A code-signing certificate that expired ten days ago.</summary>
    public string ExpiredPfx { get; }

    /// <summary>Why osslsigncode tests cannot run here, or null when it is on PATH.</summary>
    public static string? OsslsigncodeMissing =>
        ProgramPath.Exists("osslsigncode")
            ? null
            : "osslsigncode is not on PATH (Debian: apt-get install osslsigncode; build.ps1 installs it): it signs and verifies the signatures under test.";

    /// <summary>Runs <c>osslsigncode verify</c> against the test certificate; returns its exit code and output.</summary>
    public ToolResult Verify(string file) => Tool.Run("osslsigncode", ["verify", "-CAfile", CertificatePem, "-in", file]);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private string Write(string name, string subject, string? usage, DateTimeOffset notBefore, DateTimeOffset notAfter, out string pem)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        if (usage is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        }

        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        pem = certificate.ExportCertificatePem();
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, Password));
        return path;
    }
}
