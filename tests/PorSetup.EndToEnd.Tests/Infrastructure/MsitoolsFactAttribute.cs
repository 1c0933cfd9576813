// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>A fact that reads a package's tables with msiinfo: skipped, saying why, where there is none (Windows).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MsitoolsFactAttribute : FactAttribute
{
    public MsitoolsFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => this.Skip = Msitools.SkipReason;
}
