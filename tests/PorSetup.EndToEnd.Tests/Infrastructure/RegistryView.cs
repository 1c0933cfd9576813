// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>The two views of a 64-bit Windows registry (reg.exe's /reg:64 and /reg:32).</summary>
public enum RegistryView
{
    Registry64,
    Registry32,
}
