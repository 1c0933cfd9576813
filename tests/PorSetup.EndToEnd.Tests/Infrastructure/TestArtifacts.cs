// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>Where build.ps1 put what the tests install: artifacts/ (or PORSETUP_ARTIFACTS).</summary>
public static class TestArtifacts
{
    public static string RepositoryRoot => PorSetup.Testing.RepositoryRoot.Path;

    public static string Folder { get; } = Environment.GetEnvironmentVariable("PORSETUP_ARTIFACTS") is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(RepositoryRoot, "artifacts");

    /// <summary>The MSI as shipped (en-US).</summary>
    public static string Msi => Existing(Path.Combine(Folder, "PorSetup.msi"));

    /// <summary>The native custom action DLL, to build variants of the package (upgrades, downgrades).</summary>
    public static string CustomActionDll => Existing(CustomActionDllPath);

    /// <summary>Where <see cref="CustomActionDll"/> is, built or not.</summary>
    public static string CustomActionDllPath => Path.Combine(Folder, "ca", "PorSetup.CustomAction.Proxy.dll");

    public static string PackageSource => Path.Combine(RepositoryRoot, "installer", "Package.wxs");

    private static string Existing(string path) => File.Exists(path)
        ? path
        : throw new FileNotFoundException($"{path} is missing: run 'dotnet pwsh ./build.ps1' first (or 'build.ps1 -Test', which builds, then tests).", path);
}
