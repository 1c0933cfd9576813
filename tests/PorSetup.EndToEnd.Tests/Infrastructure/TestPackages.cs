// Copyright (c) PorSetup contributors. MIT licensed.

using System.Collections.Concurrent;
using PorSetup.Build;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The packages the tests install: the shipped MSI, and variants of the same source at other versions (for
/// upgrades and downgrades) or in other cultures, built once per test run with the Linux build build.ps1 uses.
/// </summary>
public static class TestPackages
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Builds = new();
    private static readonly Lazy<string> Root = new(() => TestWorkspace.NewFolder("packages"));

    /// <summary>artifacts/PorSetup.msi, as build.ps1 made it.</summary>
    public static string Shipped => TestArtifacts.Msi;

    public static string ShippedVersion => ProductIdentity.Version;

    /// <summary>The same package source at another version (each build also gets a new ProductCode).</summary>
    public static string AtVersion(string version) => Get("en-US", version);

    /// <summary>The shipped version in another culture, as build.ps1 -Culture builds it.</summary>
    public static string InCulture(string culture) => Get(culture, ProductIdentity.Version);

    private static string Get(string culture, string version) =>
        Builds.GetOrAdd($"{culture}/{version}", _ => new Lazy<string>(() => Build(culture, version))).Value;

    private static string Build(string culture, string version)
    {
        var output = Path.Combine(Root.Value, culture, version, "PorSetup.msi");
        WixlPackageBuilder.Build(new MsiBuildRequest(
            TestArtifacts.PackageSource, culture, ProductIdentity.Defines(TestArtifacts.CustomActionDll, version), output));
        return output;
    }
}
