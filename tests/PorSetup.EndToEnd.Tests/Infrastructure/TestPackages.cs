// Copyright (c) PorSetup contributors. MIT licensed.

using System.Collections.Concurrent;
using PorSetup.Build;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The packages the tests install: the shipped MSI, and variants of the same source at other versions (for
/// upgrades and downgrades) built once per test run with the same Linux build as build.ps1 uses.
/// </summary>
public static class TestPackages
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Versions = new();

    /// <summary>artifacts/PorSetup.msi, as build.ps1 made it.</summary>
    public static string Shipped => TestArtifacts.Msi;

    public static string ShippedVersion => ProductIdentity.Version;

    /// <summary>The same package source at another version (each build also gets a new ProductCode).</summary>
    public static string AtVersion(string version) =>
        Versions.GetOrAdd(version, v => new Lazy<string>(() => Build(v))).Value;

    private static string Build(string version)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"porsetup-e2e-packages-{Environment.ProcessId}", version);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var output = Path.Combine(folder, "PorSetup.msi");
        WixlPackageBuilder.Build(new MsiBuildRequest(
            TestArtifacts.PackageSource, "en-US", ProductIdentity.Defines(TestArtifacts.CustomActionDll, version), output));
        return output;
    }
}
