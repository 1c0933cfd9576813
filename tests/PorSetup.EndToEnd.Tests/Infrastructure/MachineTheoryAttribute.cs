// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>The theory form of <see cref="MachineFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MachineTheoryAttribute : TheoryAttribute
{
    public MachineTheoryAttribute() => this.Skip = TestMachineChoice.Current.SkipReason;
}
