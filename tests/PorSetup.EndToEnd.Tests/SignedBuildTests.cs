// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// build.ps1 -SignWith: every file the build publishes for Windows carries a signature osslsigncode verifies
/// against the test certificate, the proxy embeds the signed worker, the signed MSI installs, no command line the
/// build starts holds the password, and the same build run again makes every output again.
/// </summary>
[Collection(BuildScript.Collection)]
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

    [OsslsigncodeFact]
    public void NoCommandLineTheBuildStarts_HoldsThePassword()
    {
        Built();
        Assert.SkipWhen(build.Trace is null, CommandLineTrace.Missing ?? string.Empty);

        var commandLines = CommandLineTrace.Read(build.Trace!);

        // The trace saw the signing: osslsigncode once for each file the build signs, the password on its standard input.
        var signings = commandLines.Where(c => c.Contains("osslsigncode\" [\"", StringComparison.Ordinal) && c.Contains("\"sign\"", StringComparison.Ordinal)).ToList();
        Assert.True(signings.Count >= 5, $"Expected osslsigncode to sign the worker, the proxy, porsetup.exe, the MSI and the stamped copy; it ran:\n{string.Join('\n', signings)}");
        Assert.All(signings, c => Assert.Contains("\"-readpass\", \"/dev/stdin\"", c, StringComparison.Ordinal));
        Assert.DoesNotContain(commandLines, SignedBuild.HoldsThePassword);
    }

    [OsslsigncodeFact]
    public void ASecondRun_IntoTheSameFolder_MakesEveryOutputAgain()
    {
        Built();
        var outputs = SignedBuild.DocumentedOutputs(build.Output, "1234567");
        SignedBuild.PlantEarlierOutputs(outputs, "earlier-build");

        // The README's line run again: the stamped copy is there already, and is made again (no --force refusal).
        var again = build.Run(build.Output, "1234567", trace: null);

        Assert.True(again.ExitCode == 0, $"The second build.ps1 -SignWith -PartnerId failed:\n{again.StandardOutput}\n{again.StandardError}");
        foreach (var file in new[] { build.Worker, build.Proxy, build.Msi, build.StampedMsi, build.PorSetupExe })
        {
            var verify = build.Signing.Verify(file);
            Assert.True(verify.ExitCode == 0, $"{file}:\n{verify.Output}");
        }

        Assert.DoesNotContain(outputs, p => File.Exists(Path.Combine(p, "earlier-build")));
        Assert.False(Directory.Exists(Path.Combine(build.Output, "staging")));
    }

    private PorSetup.Testing.ToolResult Built()
    {
        var result = build.Result!;
        Assert.True(result.ExitCode == 0, $"build.ps1 -SignWith failed:\n{result.StandardOutput}\n{result.StandardError}");
        return result;
    }
}
