// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Cli.Signing;
using PorSetup.Testing;

namespace PorSetup.Cli.Tests;

/// <summary>
/// stamp and transform on a signed MSI: the note when the output is not signed, and --sign-with signing it
/// (checked with osslsigncode verify); every signing failure is said, exits 4 and writes nothing. One class:
/// the tests set PORSETUP_PFX_PASSWORD in this process, so they must not run alongside each other.
/// </summary>
public sealed class SigningTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("porsetup-cli-sign-").FullName;
    private readonly TestSigning signing = new();
    private readonly string? savedPassword = Environment.GetEnvironmentVariable(SigningInputs.PasswordVariable);

    public SigningTests() => Environment.SetEnvironmentVariable(SigningInputs.PasswordVariable, TestSigning.Password);

    [OsslsigncodeFact]
    public void Stamp_OfASignedMsi_SaysTheCopyIsNotSigned_AndLeavesTheBrokenSignatureOut()
    {
        var msi = this.SignedMsi();
        var stamped = Path.Combine(this.folder, "PorSetup-1234567.msi");

        var run = CliRun.Of("stamp", msi, "-p", "1234567");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"Note: {msi} is signed, and this copy is not", run.Output, StringComparison.Ordinal);
        Assert.Contains("--sign-with", run.Output, StringComparison.Ordinal);
        Assert.False(InstallerFile.Open(stamped).IsSigned);
        Assert.NotEqual(0, this.signing.Verify(stamped).ExitCode);
    }

    [OsslsigncodeFact]
    public void Stamp_WithSignWith_WritesACopyWithAValidSignature()
    {
        var msi = this.SignedMsi();
        var stamped = Path.Combine(this.folder, "PorSetup-1234567.msi");

        var run = CliRun.Of("stamp", msi, "-p", "1234567", "--sign-with", this.signing.CodeSigningPfx);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.EndsWith("; signed by CN=PorSetup Test Code Signing.", run.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("Note:", run.Output, StringComparison.Ordinal);
        var verify = this.signing.Verify(stamped);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Equal([msi, stamped], Directory.GetFiles(this.folder).Order(StringComparer.Ordinal).Reverse());
    }

    [OsslsigncodeFact]
    public void Transform_OfASignedMsi_SaysTheTransformIsNotSigned_AndSignsItWithSignWith()
    {
        var msi = this.SignedMsi();
        var mst = Path.Combine(this.folder, "PartnerId-1234567.mst");

        var plain = CliRun.Of("transform", msi, "-p", "1234567");
        Assert.Equal(ExitCodes.Success, plain.ExitCode);
        Assert.Contains($"Note: {msi} is signed, and the transform is not", plain.Output, StringComparison.Ordinal);

        var signed = CliRun.Of("transform", msi, "-p", "1234567", "--sign-with", this.signing.CodeSigningPfx, "--force");

        Assert.Equal(ExitCodes.Success, signed.ExitCode);
        var verify = this.signing.Verify(mst);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Equal(InstallerFileKind.Transform, InstallerFile.Open(mst).Kind);
    }

    [Fact]
    public void AnUnsignedMsi_GetsNoNote()
    {
        var msi = TestMsi.CopyTo(this.folder);

        var run = CliRun.Of("stamp", msi, "-p", "1234567");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("Note:", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void AWrongPassword_Exits4_SaysSo_AndWritesNothing(string command)
    {
        var msi = TestMsi.CopyTo(this.folder);
        Environment.SetEnvironmentVariable(SigningInputs.PasswordVariable, "not the password");

        var run = CliRun.Of(command, msi, "-p", "1234567", "--sign-with", this.signing.CodeSigningPfx);

        this.AssertRefused(run, this.signing.CodeSigningPfx, "the password in PORSETUP_PFX_PASSWORD does not open this certificate file", msi);
        Assert.DoesNotContain("not the password", run.Error, StringComparison.Ordinal);
    }

    /// <summary>check-signing, which build.ps1 -SignWith asks before it builds: the same check, and nothing signed.</summary>
    [Fact]
    public void CheckSigning_AcceptsACodeSigningCertificate_AndRefusesOthersWithSignsWords()
    {
        var accepted = CliRun.Of("check-signing", "--sign-with", this.signing.CodeSigningPfx);
        var refused = CliRun.Of("check-signing", "--sign-with", this.signing.NoCodeSigningPfx);

        Assert.Equal(ExitCodes.Success, accepted.ExitCode);
        Assert.StartsWith($"Signing with {this.signing.CodeSigningPfx} (", accepted.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.SigningError, refused.ExitCode);
        Assert.Contains("lacks the Code Signing usage (extended key usage 1.3.6.1.5.5.7.3.3)", refused.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void ACertificateWithoutTheCodeSigningUsage_Exits4_NamesTheUsage_AndWritesNothing(string command)
    {
        var msi = TestMsi.CopyTo(this.folder);

        var run = CliRun.Of(command, msi, "-p", "1234567", "--sign-with", this.signing.NoCodeSigningPfx);

        this.AssertRefused(run, this.signing.NoCodeSigningPfx, "lacks the Code Signing usage (extended key usage 1.3.6.1.5.5.7.3.3)", msi);
    }

    [Fact]
    public void ACertificateWithNoUsageExtension_Exits4_SaysPorSetupRequiresCodeSigning_AndWritesNothing()
    {
        var msi = TestMsi.CopyTo(this.folder);

        var run = CliRun.Of("stamp", msi, "-p", "1234567", "--sign-with", this.signing.NoUsagePfx);

        this.AssertRefused(run, this.signing.NoUsagePfx, "has no extended key usage extension, so it lacks the Code Signing usage (extended key usage 1.3.6.1.5.5.7.3.3) that PorSetup requires", msi);
    }

    [Fact]
    public void AnExpiredCertificate_Exits4_SaysWhenItWasValid_AndWritesNothing()
    {
        var msi = TestMsi.CopyTo(this.folder);

        var run = CliRun.Of("transform", msi, "-p", "1234567", "--sign-with", this.signing.ExpiredPfx);

        this.AssertRefused(run, this.signing.ExpiredPfx, "is valid only from", msi);
    }

    [Fact]
    public void NoPasswordVariable_Exits4_SaysWhichVariable_AndWritesNothing()
    {
        var msi = TestMsi.CopyTo(this.folder);
        Environment.SetEnvironmentVariable(SigningInputs.PasswordVariable, null);

        var run = CliRun.Of("stamp", msi, "-p", "1234567", "--sign-with", this.signing.CodeSigningPfx);

        this.AssertRefused(run, this.signing.CodeSigningPfx, "PORSETUP_PFX_PASSWORD is not set", msi);
    }

    [OsslsigncodeFact]
    public void AFailedSigning_LeavesAnExistingOutputAsItWas()
    {
        var msi = TestMsi.CopyTo(this.folder);
        var stamped = Path.Combine(this.folder, "PorSetup-1234567.msi");
        File.WriteAllText(stamped, "an earlier copy");

        // Nothing listens on port 9 (discard) here: the timestamp fails after the copy was written and signed.
        var run = CliRun.Of("stamp", msi, "-p", "1234567", "--force", "--sign-with", this.signing.CodeSigningPfx, "--timestamp-url", "http://127.0.0.1:9/");

        Assert.Equal(ExitCodes.SigningError, run.ExitCode);
        Assert.StartsWith($"{stamped} was not signed: osslsigncode failed", run.Error, StringComparison.Ordinal);
        CliAssert.PlainWords(run.Error);
        Assert.Equal("an earlier copy", File.ReadAllText(stamped));
        Assert.Equal([msi, stamped], Directory.GetFiles(this.folder).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void ATimestampWithoutSignWith_IsAUsageError()
    {
        var msi = TestMsi.CopyTo(this.folder);

        var run = CliRun.Of("stamp", msi, "-p", "1234567", "--timestamp-url", "http://127.0.0.1:9/");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--timestamp-url is given without --sign-with", run.Error, StringComparison.Ordinal);
        Assert.Equal([msi], Directory.GetFiles(this.folder));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(SigningInputs.PasswordVariable, this.savedPassword);
        this.signing.Dispose();
        Directory.Delete(this.folder, recursive: true);
    }

    // The shipped MSI, signed with the test certificate by porsetup's own signer.
    private string SignedMsi()
    {
        var msi = TestMsi.CopyTo(this.folder);
        var run = CliRun.Of("sign", msi, "--sign-with", this.signing.CodeSigningPfx);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.True(InstallerFile.Open(msi).IsSigned);
        return msi;
    }

    private void AssertRefused(CliRun run, string pfx, string reason, params string[] filesLeft)
    {
        Assert.Equal(ExitCodes.SigningError, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith(pfx, run.Error, StringComparison.Ordinal);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        CliAssert.PlainWords(run.Error);
        Assert.Equal(filesLeft, Directory.GetFiles(this.folder));
    }
}
