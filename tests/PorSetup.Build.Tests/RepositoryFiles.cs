// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build.Tests;

/// <summary>Paths of the repository's own files, found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = Find();

    public static string Installer => Path.Combine(Root, "installer");

    public static string PackageSource => Path.Combine(Installer, "Package.wxs");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PorSetup.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PorSetup.sln not found above " + AppContext.BaseDirectory);
    }
}
