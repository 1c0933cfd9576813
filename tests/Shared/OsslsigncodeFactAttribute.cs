// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.Testing;

/// <summary>A test that runs osslsigncode: skipped, with the reason, where it is not installed.</summary>
public sealed class OsslsigncodeFactAttribute : FactAttribute
{
    public OsslsigncodeFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (TestSigning.OsslsigncodeMissing is { } reason)
        {
            Skip = reason;
        }
    }
}
