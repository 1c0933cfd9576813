// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests;

/// <summary>build.ps1 -SignWith refuses a certificate it cannot sign with before it builds or writes anything.</summary>
[Collection(BuildScript.Collection)]
public sealed class SigningRefusalTests : IDisposable
{
    private readonly TestSigning signing = new();
    private readonly string output = Path.Combine(Path.GetTempPath(), "porsetup-refused-" + Guid.NewGuid().ToString("N"));

    [BuildScriptFact]
    public void AWrongPassword_FailsSayingSo_AndWritesNothing() =>
        this.AssertRefused(this.signing.CodeSigningPfx, "not the password", "the password in PORSETUP_PFX_PASSWORD does not open this certificate file");

    [BuildScriptFact]
    public void ACertificateWithoutCodeSigning_FailsNamingTheUsage_AndWritesNothing() =>
        this.AssertRefused(this.signing.NoCodeSigningPfx, TestSigning.Password, "lacks the Code Signing usage (extended key usage 1.3.6.1.5.5.7.3.3)");

    [BuildScriptFact]
    public void AnExpiredCertificate_FailsSayingWhenItWasValid_AndWritesNothing() =>
        this.AssertRefused(this.signing.ExpiredPfx, TestSigning.Password, "is valid only from");

    [BuildScriptFact]
    public void NoPasswordVariable_FailsSayingWhichVariable_AndWritesNothing() =>
        this.AssertRefused(this.signing.CodeSigningPfx, null, "PORSETUP_PFX_PASSWORD is not set");

    public void Dispose()
    {
        this.signing.Dispose();
        if (Directory.Exists(this.output))
        {
            Directory.Delete(this.output, recursive: true);
        }
    }

    private void AssertRefused(string pfx, string? password, string reason)
    {
        var result = BuildScript.Run(["-SignWith", pfx, "-Output", this.output], password);

        var said = result.StandardOutput + result.StandardError;
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{pfx} ", said, StringComparison.Ordinal);
        Assert.Contains(reason, said, StringComparison.Ordinal);
        if (password is not null)
        {
            Assert.DoesNotContain(password, said, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(this.output), $"build.ps1 wrote into {this.output} although it refused the certificate.");
    }
}
