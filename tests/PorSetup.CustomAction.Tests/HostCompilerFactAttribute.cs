// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.CustomAction.Tests;

/// <summary>A fact that compiles native code for this host (<see cref="HostCompiler"/>); skipped, with the reason, where it cannot.</summary>
public sealed class HostCompilerFactAttribute : FactAttribute
{
    public HostCompilerFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (HostCompiler.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}
