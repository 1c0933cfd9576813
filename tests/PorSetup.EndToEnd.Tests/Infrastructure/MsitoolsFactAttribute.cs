// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>A fact that reads a package's tables with msiinfo: skipped, saying why, where there is none (Windows).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MsitoolsFactAttribute : FactAttribute
{
    public MsitoolsFactAttribute() => this.Skip = Msitools.SkipReason;
}
