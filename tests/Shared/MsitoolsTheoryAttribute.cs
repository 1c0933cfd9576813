// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.Testing;

/// <summary>The theory form of <see cref="MsitoolsFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MsitoolsTheoryAttribute : TheoryAttribute
{
    public MsitoolsTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => this.Skip = Msitools.SkipReason;
}
