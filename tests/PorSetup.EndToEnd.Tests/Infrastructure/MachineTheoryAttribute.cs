// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>The theory form of <see cref="MachineFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MachineTheoryAttribute : TheoryAttribute
{
    public MachineTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => this.Skip = TestMachineChoice.Current.SkipReason;
}
