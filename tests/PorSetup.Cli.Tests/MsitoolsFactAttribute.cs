// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.Cli.Tests;

/// <summary>
/// A fact that checks the tool's output against msitools' msiinfo, an independent reader (PorSetup's own would check
/// itself): skipped, saying why, where msiinfo is not on PATH (Windows).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MsitoolsFactAttribute : FactAttribute
{
    public MsitoolsFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "msiinfo")));
        if (!onPath)
        {
            this.Skip = "Checks against msitools' msiinfo, a Linux program not found on PATH (on Linux, build.ps1 installs msitools).";
        }
    }
}
