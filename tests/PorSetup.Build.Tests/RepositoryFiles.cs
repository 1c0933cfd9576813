// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build.Tests;

/// <summary>Paths of the repository's own files, found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root => PorSetup.Testing.RepositoryRoot.Path;

    public static string Installer => Path.Combine(Root, "installer");

    public static string PackageSource => Path.Combine(Installer, "Package.wxs");
}
