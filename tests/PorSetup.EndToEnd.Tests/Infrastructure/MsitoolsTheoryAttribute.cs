// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>The theory form of <see cref="MsitoolsFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MsitoolsTheoryAttribute : TheoryAttribute
{
    public MsitoolsTheoryAttribute() => this.Skip = Msitools.SkipReason;
}
