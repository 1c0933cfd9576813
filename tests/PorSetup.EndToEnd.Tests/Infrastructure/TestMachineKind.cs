// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>What PORSETUP_TEST_MACHINE can name.</summary>
public enum TestMachineKind
{
    /// <summary>A throw-away Wine prefix per test (Linux).</summary>
    Wine,

    /// <summary>This Windows machine, for real.</summary>
    Local,
}
