// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.Cli.Tests;

/// <summary>
/// A fact that runs msitools, an independent reader and writer (PorSetup's own would check itself): msiinfo to check
/// the tool's output, msibuild to make its input (TestMsi.CopyWithProperty). Skipped, saying why, where either is
/// not on PATH (Windows).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MsitoolsFactAttribute : FactAttribute
{
    private static readonly string[] Tools = ["msiinfo", "msibuild"];

    public MsitoolsFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        var missing = Tools.Where(tool => !(Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, tool)))).ToList();
        if (missing.Count > 0)
        {
            this.Skip = $"Runs msitools' {string.Join(" and ", missing)}, Linux programs not found on PATH (on Linux, build.ps1 installs msitools).";
        }
    }
}
