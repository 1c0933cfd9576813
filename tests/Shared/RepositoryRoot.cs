// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Testing;

/// <summary>The repository's root folder (the one holding PorSetup.sln), found from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PorSetup.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PorSetup.sln not found above {AppContext.BaseDirectory}.");
    }
}
