// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.CompilerServices;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A test of the local test machine itself: skipped, saying why, unless PORSETUP_TEST_MACHINE picks it (Windows,
/// local). A refused setting is not a skip: the test fails with the refusal.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LocalMachineFactAttribute : FactAttribute
{
    public LocalMachineFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        var choice = TestMachineChoice.Current;
        if (choice.Refusal is null && choice.Kind != TestMachineKind.Local)
        {
            this.Skip = $"A test of the local test machine, which PORSETUP_TEST_MACHINE=local picks on Windows only ({choice.SkipReason ?? "here the end-to-end tests install in Wine prefixes"}).";
        }
    }
}
