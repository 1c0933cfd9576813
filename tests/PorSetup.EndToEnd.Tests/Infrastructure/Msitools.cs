// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>msitools' msiinfo, which the tests that read a package's tables (MsiTables) run: on Linux only.</summary>
public static class Msitools
{
    /// <summary>Null where msiinfo is on PATH; else why a test that reads tables with it is skipped.</summary>
    public static string? SkipReason { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "msiinfo")))
            ? null
            : "Reads the package's tables with msitools' msiinfo, a Linux program not found on PATH (on Linux, build.ps1 installs msitools). On Windows the real installs of the other tests show what these read from the tables.";
}
