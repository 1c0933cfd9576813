// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction.Tests;

/// <summary>A fact that compiles native code for this host (<see cref="HostCompiler"/>); skipped, with the reason, where it cannot.</summary>
public sealed class HostCompilerFactAttribute : FactAttribute
{
    public HostCompilerFactAttribute()
    {
        if (HostCompiler.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}
