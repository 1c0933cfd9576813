// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build.Tests;

/// <summary>The programs the Linux build runs (wixl, msibuild, msiinfo), found on PATH or not.</summary>
public static class LinuxBuildTools
{
    private static readonly string[] Tools = ["wixl", "msibuild", "msiinfo"];

    /// <summary>Null when all are there, else why a test of the Linux build's MSI is skipped.</summary>
    public static string? SkipReason { get; } = Missing() is { Count: > 0 } missing
        ? $"The Linux build's MSI needs {string.Join(", ", missing)}, not found on PATH (on Linux, build.ps1 installs msitools and wixl)."
        : null;

    private static List<string> Missing() => Tools.Where(tool => !ProgramPath.Exists(tool)).ToList();
}
