// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A test that installs on a <see cref="TestMachine"/>: skipped, saying why, where PORSETUP_TEST_MACHINE picks no
/// machine (Windows, unset). A refused setting is not a skip: the test fails with the refusal.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MachineFactAttribute : FactAttribute
{
    public MachineFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => this.Skip = TestMachineChoice.Current.SkipReason;
}
