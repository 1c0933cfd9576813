// Copyright (c) PorSetup contributors. MIT licensed.

using System.Security.Cryptography.X509Certificates;
using PorSetup.Cli.Signing;
using PorSetup.Testing;

namespace PorSetup.Cli.Tests;

/// <summary>
/// signtool's command line on Windows (SigntoolArguments, the one place CodeSigner takes it from, for a signing that
/// succeeds and one that fails alike): the certificate by thumbprint from the user's My store, never the .pfx file
/// nor its password. Windows only where it runs; the list itself is checked here.
/// </summary>
public sealed class SigntoolArgumentsTests : IDisposable
{
    private const string File = @"C:\build\PorSetup.msi.tmp-0123456789abcdef0123456789abcdef";
    private readonly TestSigning signing = new();

    [Fact]
    public void WithoutTimestamp_SignsByThumbprintFromTheUsersMyStore()
    {
        var thumbprint = this.Thumbprint();

        var arguments = SigntoolArguments.Sign(thumbprint, timestampUrl: null, File);

        Assert.Equal(["sign", "/fd", "SHA256", "/s", "My", "/sha1", thumbprint, File], arguments);
        this.AssertNoSecret(arguments);
    }

    [Fact]
    public void WithTimestamp_AddsTheRfc3161Server()
    {
        var thumbprint = this.Thumbprint();

        var arguments = SigntoolArguments.Sign(thumbprint, new Uri("http://timestamp.test/rfc3161"), File);

        Assert.Equal(["sign", "/fd", "SHA256", "/s", "My", "/sha1", thumbprint, "/tr", "http://timestamp.test/rfc3161", "/td", "SHA256", File], arguments);
        this.AssertNoSecret(arguments);
    }

    public void Dispose() => this.signing.Dispose();

    private string Thumbprint()
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(this.signing.CodeSigningPfx, TestSigning.Password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.Thumbprint;
    }

    private void AssertNoSecret(IReadOnlyList<string> arguments)
    {
        Assert.DoesNotContain("/p", arguments);
        Assert.DoesNotContain("/f", arguments);
        Assert.DoesNotContain(arguments, a => a.Contains(TestSigning.Password, StringComparison.Ordinal) || a.Contains(this.signing.CodeSigningPfx, StringComparison.Ordinal));
    }
}
