// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Testing;

/// <summary>A test that runs osslsigncode: skipped, with the reason, where it is not installed.</summary>
public sealed class OsslsigncodeFactAttribute : FactAttribute
{
    public OsslsigncodeFactAttribute()
    {
        if (TestSigning.OsslsigncodeMissing is { } reason)
        {
            Skip = reason;
        }
    }
}
