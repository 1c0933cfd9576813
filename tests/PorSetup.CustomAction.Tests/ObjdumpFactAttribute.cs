// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.CustomAction.Tests;

/// <summary>A fact that needs mingw-w64's objdump to read a PE file's import and export tables; skipped without it.</summary>
public sealed class ObjdumpFactAttribute : FactAttribute
{
    public ObjdumpFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (Objdump.Path is null)
        {
            Skip = $"{Objdump.FileName} is not on PATH (Debian: apt-get install binutils-mingw-w64-x86-64); it lists the imports and exports of PE files.";
        }
    }
}
