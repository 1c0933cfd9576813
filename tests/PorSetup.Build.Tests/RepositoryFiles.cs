// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build.Tests;

/// <summary>Paths of the repository's own files, found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root => PorSetup.Testing.RepositoryRoot.Path;

    public static string Installer => Path.Combine(Root, "installer");

    public static string PackageSource => Path.Combine(Installer, "Package.wxs");

    /// <summary>
    /// A text file of the repository (a path relative to the root, '/'-separated), its line endings made "\n":
    /// .gitattributes checks files out with LF, but a checkout made otherwise (core.autocrlf=true, Git for Windows'
    /// default, without that rule) must not change what a test reads.
    /// </summary>
    public static string ReadText(string relativePath) =>
        File.ReadAllText(Path.Combine([Root, .. relativePath.Split('/')])).ReplaceLineEndings("\n");
}
