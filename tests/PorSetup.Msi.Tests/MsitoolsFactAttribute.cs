// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.Msi.Tests;

/// <summary>A fact that needs wixl and msitools (msiinfo, msidump, msiextract); skipped, saying which are missing, without them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MsitoolsFactAttribute : FactAttribute
{
    public MsitoolsFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        var missing = ExternalTool.Missing("wixl", "msiinfo", "msidump", "msiextract");
        if (missing.Count > 0)
        {
            Skip = $"Not on PATH: {string.Join(", ", missing)} (Debian: apt-get install msitools wixl).";
        }
    }
}
