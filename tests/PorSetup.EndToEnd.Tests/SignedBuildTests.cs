// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// build.ps1 -SignWith: every file the build publishes for Windows carries a signature osslsigncode verifies
/// against the test certificate, the proxy embeds the signed worker, and the signed MSI installs.
/// </summary>
public sealed class SignedBuildTests(SignedBuild build) : IClassFixture<SignedBuild>
{
    [OsslsigncodeFact]
    public void TheBuild_Succeeds_WithoutPrintingThePassword()
    {
        var result = Built();

        Assert.DoesNotContain(TestSigning.Password, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Signing with", result.StandardOutput, StringComparison.Ordinal);
    }

    [OsslsigncodeFact]
    public void EveryFileForWindows_HasAValidSignature()
    {
        Built();

        foreach (var file in new[] { build.Worker, build.Proxy, build.Msi, build.StampedMsi, build.PorSetupExe })
        {
            var verify = build.Signing.Verify(file);
            Assert.True(verify.ExitCode == 0, $"{file}:\n{verify.Output}");
        }
    }

    [OsslsigncodeFact]
    public void TheProxy_EmbedsTheSignedWorker()
    {
        Built();

        // The worker verified above, byte for byte inside the proxy: the one the proxy writes out and starts.
        var worker = File.ReadAllBytes(build.Worker);
        var proxy = File.ReadAllBytes(build.Proxy);
        Assert.True(proxy.AsSpan().IndexOf(worker) >= 0, "The proxy does not hold the signed worker.");
    }

    [OsslsigncodeFact]
    public void TheSignedMsi_InstallsAndUninstalls()
    {
        Built();
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, build.Msi);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        Assert.Equal("1234567", prefix.Registry.Partner);

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);
        Assert.False(prefix.Registry.KeyExists(WineRegistry.MsoKey));
    }

    private PorSetup.Testing.ToolResult Built()
    {
        var result = build.Result!;
        Assert.True(result.ExitCode == 0, $"build.ps1 -SignWith failed:\n{result.StandardOutput}\n{result.StandardError}");
        return result;
    }
}
