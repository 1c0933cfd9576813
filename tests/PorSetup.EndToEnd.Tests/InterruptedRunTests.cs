// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;
using System.Runtime.Versioning;
using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// The local test machine interrupted for real (issue 17: "kill the test host between steps"): a second test host
/// takes the machine, installs PorSetup over a changed Partner value, writes an OEM script it claimed, and is killed
/// before it can give the machine back. What the next run finds first, the journal on disk, puts it all back. Runs
/// on the local machine only: in the Windows rehearsal under Wine, and on Windows with PORSETUP_TEST_MACHINE=local.
/// </summary>
public sealed class InterruptedRunTests
{
    private const string ChildVariable = "PORSETUP_INTERRUPTED_CHILD";
    private const string ChildPartnerId = "7654321";
    private const string Script = @"C:\Windows\Setup\Scripts\SetupComplete.cmd";

    [LocalMachineFact]
    [SupportedOSPlatform("windows")]
    public void AKilledTestHost_IsPutBackFromItsJournal_BeforeTheNextRunDoesAnything()
    {
        LocalMachine.WhileNoTestRuns(() =>
        {
            var registry = new LocalRegistry();
            var partnerBefore = registry.Get(MachineRegistry.MsoKey, MachineRegistry.PartnerValue);
            var ready = Path.Combine(TestWorkspace.NewFolder("interrupted"), "ready");

            var exitCode = RunChildUntilItKillsItself(ready);

            // The child got as far as it should, and nothing gave its changes back.
            Assert.True(File.Exists(ready), $"The child test host stopped (exit code {exitCode}) before it had changed the machine.");
            Assert.True(File.Exists(LocalJournalFile.DefaultPath), "The killed test host left no journal.");
            Assert.Equal(ChildPartnerId, registry.Partner);
            Assert.True(File.Exists(Script));
            Assert.NotEmpty(LocalMachine.WhatPorSetupOwnsHere());

            Assert.Null(LocalMachine.RestoreInterruptedRun());

            Assert.Equal(partnerBefore, registry.Get(MachineRegistry.MsoKey, MachineRegistry.PartnerValue));
            Assert.False(File.Exists(Script), $"{Script} is still there.");
            Assert.Empty(LocalMachine.WhatPorSetupOwnsHere());
            Assert.False(File.Exists(LocalJournalFile.DefaultPath), "The journal is still there after the restore.");
        });
    }

    /// <summary>The child's part: run only by the test above, in a test host of its own, which it kills.</summary>
    [LocalMachineFact]
    public void Child_ChangesTheMachine_AndIsKilledBeforeItGivesItBack()
    {
        var ready = Environment.GetEnvironmentVariable(ChildVariable);
        if (ready is null)
        {
            Assert.Skip($"The child of {nameof(this.AKilledTestHost_IsPutBackFromItsJournal_BeforeTheNextRunDoesAnything)}: runs only in the test host that test starts ({ChildVariable} set).");
        }

        var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "1111111");
        var script = machine.Claim(Script);
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.WriteAllText(script, "rem written by an interrupted test run\r\n");
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={ChildPartnerId}");
        File.WriteAllText(ready, "changed");

        // Killed as a CI timeout or Task Manager would: no Dispose, no finally, no flush.
        Process.GetCurrentProcess().Kill();
    }

    // The same test program, running only the child's test.
    [SupportedOSPlatform("windows")]
    private static int RunChildUntilItKillsItself(string ready)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "PorSetup.EndToEnd.Tests.exe");
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-noLogo");
        start.ArgumentList.Add("-method");
        start.ArgumentList.Add($"{typeof(InterruptedRunTests).FullName}.{nameof(Child_ChangesTheMachine_AndIsKilledBeforeItGivesItBack)}");
        start.Environment[ChildVariable] = ready;
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            child.Kill(entireProcessTree: true);
            throw new TimeoutException($"The child test host did not end within 5 minutes: {output.Result}{error.Result}");
        }

        return File.Exists(ready) ? child.ExitCode : throw new InvalidOperationException($"The child test host ended ({child.ExitCode}) without changing the machine:\n{output.Result}\n{error.Result}");
    }
}
