// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// An install that fails after the registry was written (PORSETUPFAILWHENDEFERRED=1, honoured only by the
/// FailingWhenDeferred package the tests build for themselves) is rolled back: no registered product, no new keys,
/// no stray files.
/// </summary>
public sealed class FaultTests
{
    [MachineFact]
    public void FailureAfterTheWrite_OnACleanServer_LeavesNothingBehind()
    {
        using var machine = TestMachine.Create();
        var before = MachineSnapshot.Take(machine);
        var product = new PackageInstaller(machine, TestPackages.FailingWhenDeferred);

        var result = product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=1234567", "PORSETUPFAILWHENDEFERRED=1");

        Assert.Contains("FailWhenDeferred", result.Log, StringComparison.Ordinal);
        Assert.False(machine.IsInstalled(TestPackages.FailingWhenDeferred));
        MachineSnapshot.Take(machine).AssertUnchangedSince(before);
    }

    /// <remarks>
    /// Windows' rollback restores the value the install overwrote. Wine's own registry rollback deletes it instead
    /// (see docs/wine-and-windows.md); PorSetup's rollback action (PutBackPartnerBeforeThisRun) puts it back, so the
    /// result is the same on both.
    /// </remarks>
    [MachineFact]
    public void FailureAfterTheWrite_OverAHandSetValue_PutsThePreviousValueBack()
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "1111111");
        var before = MachineSnapshot.Take(machine);
        var product = new PackageInstaller(machine, TestPackages.FailingWhenDeferred);

        product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=1234567", "PORSETUPFAILWHENDEFERRED=1");

        Assert.Equal("1111111", machine.Registry.Partner);
        Assert.False(machine.IsInstalled(TestPackages.FailingWhenDeferred));
        MachineSnapshot.Take(machine).AssertUnchangedSince(before);
    }

    /// <remarks>
    /// An upgrade that fails after the old PorSetup was removed: on Windows the removal is inside the new install's
    /// transaction (RemoveExistingProducts after InstallInitialize), so its rollback reinstalls the old product with
    /// its ID and the value remembered from before PorSetup (PackageDatabaseTests proves the placement). Wine removes
    /// the old product in a child msiexec and never rolls that back (dlls/msi/action.c; docs/wine-and-windows.md):
    /// what it shows is the new install's own rollback, which puts back the value it found, the old PorSetup's ID.
    /// </remarks>
    [MachineFact]
    public void AFailedUpgrade_PutsBackTheOldId_AndOnWindowsTheOldPorSetupWithWhatItRemembered()
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "99999");
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1111111");
        var upgrade = new PackageInstaller(machine, TestPackages.FailingWhenDeferred);

        upgrade.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=2222222", "PORSETUPFAILWHENDEFERRED=1");

        Assert.Equal("1111111", machine.Registry.Partner);
        Assert.False(machine.IsInstalled(TestPackages.FailingWhenDeferred));
        Assert.Equal(machine.Expected(wine: false, windows: true), machine.IsInstalled(TestPackages.Shipped));
        Assert.Equal(machine.Expected<string?>(wine: null, windows: "99999"), machine.Registry.GetString(MachineRegistry.PorSetupKey, "PreviousPartner"));
    }

    [MachineFact]
    public void TheFaultProperty_IsIgnoredAtUninstall()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.FailingWhenDeferred);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.UninstallProduct(MsiExecReturnCode.SUCCESS, "PORSETUPFAILWHENDEFERRED=1");

        Assert.False(machine.IsInstalled(TestPackages.FailingWhenDeferred));
    }

    /// <remarks>
    /// The check runs as a worker program that the custom action writes to a new folder (docs/custom-action.md):
    /// under %TEMP% for a plain user, under %WINDIR%\Installer, where only SYSTEM and Administrators can write, for
    /// SYSTEM or an elevated administrator, which is how Wine runs msiexec (its token reads as elevated). So here a
    /// %TEMP% the worker could not use (so long that its path would pass MAX_PATH, which fails a plain user's
    /// install with Win32 error 206 at "Creating the worker's temporary folder") does not matter: the install
    /// succeeds, and leaves no folder of the worker behind. The plain-user case, the folder's security and the
    /// held file can only be tested on Windows.
    /// </remarks>
    [MachineFact]
    public void AnElevatedInstall_DoesNotRunTheWorkerFromTemp()
    {
        using var machine = TestMachine.Create();
        machine.Claim(@"C:\long");
        var longTemp = $@"C:\long\{new string('x', 100)}\{new string('y', 100)}";
        Directory.CreateDirectory(machine.HostPath(longTemp));
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.Environment["TEMP"] = product.Environment["TMP"] = longTemp;

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.Empty(Directory.GetDirectories(machine.HostPath(@"C:\Windows\Installer"), "PorSetup-*"));
        Assert.Empty(Directory.GetFileSystemEntries(machine.HostPath(longTemp)));
    }

    /// <remarks>
    /// A worker that never answers (a test build of the proxy that sends it no action: it waits for ever, as one
    /// stopped by a loader dialog or an antivirus would) is ended at the call's deadline: the install fails with
    /// 1603 soon after it, the log names the deadline and the step, no process of ours is left, nothing changed.
    /// The shipped DLL's deadline is 120 s; this build's is <see cref="TestPackages.HungWorkerDeadlineSeconds"/> s.
    /// </remarks>
    [MachineFact]
    public void AWorkerThatNeverAnswers_IsEndedAtTheDeadline_AndTheInstallFails()
    {
        var package = TestPackages.WithHungWorker();
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "1111111");
        var before = MachineSnapshot.Take(machine);
        var product = new PackageInstaller(machine, package);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=1234567");
        clock.Stop();

        var line = $"PorSetup: the custom action's worker did not finish within its deadline of {TestPackages.HungWorkerDeadlineSeconds} seconds and was ended; step: Reading the worker's request.";
        Assert.True(result.Log.Contains(line, StringComparison.Ordinal), string.Join('\n', result.Log.Split('\n').Where(l => l.Contains("PorSetup", StringComparison.Ordinal) || l.Contains("Return value", StringComparison.Ordinal))));
        // The deadline, plus msiexec's own start and rollback under Wine: well under a minute, not a hang.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(TestPackages.HungWorkerDeadlineSeconds + 60), $"msiexec took {clock.Elapsed}");
        Assert.DoesNotContain(machine.RunningProcesses(), line => line.Contains("PorSetup.CustomAction", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("1111111", machine.Registry.Partner);
        Assert.False(machine.IsInstalled(package));
        MachineSnapshot.Take(machine).AssertUnchangedSince(before);
    }
}
