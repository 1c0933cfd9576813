// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.Build.Tests;

/// <summary>A fact about the Linux build's MSI: needs wixl and msitools, and is skipped, saying so, without them (Windows).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LinuxBuildFactAttribute : FactAttribute
{
    public LinuxBuildFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => this.Skip = LinuxBuildTools.SkipReason;
}
