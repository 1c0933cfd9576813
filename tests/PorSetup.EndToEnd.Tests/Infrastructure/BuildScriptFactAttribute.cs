// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>A fact that runs build.ps1 (<see cref="BuildScript"/>): skipped in the Wine rehearsal, which has no .NET SDK or PowerShell.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BuildScriptFactAttribute : FactAttribute
{
    public BuildScriptFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => this.Skip = WineRehearsal.BuildScriptSkipReason;
}
