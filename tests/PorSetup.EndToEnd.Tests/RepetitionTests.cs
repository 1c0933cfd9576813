// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>Repeated and redundant work ends in the expected state and leaves nothing behind.</summary>
public sealed class RepetitionTests
{
    [MachineFact]
    public void InstallingTheSameVersionTwice_Succeeds_AndUninstallLeavesNothing()
    {
        using var machine = TestMachine.Create();
        var before = MachineSnapshot.Take(machine);
        var product = new PackageInstaller(machine, TestPackages.Shipped);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        Assert.Equal("1234567", machine.Registry.Partner);
        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        MachineSnapshot.Take(machine).AssertUnchangedSince(before);
    }

    [MachineFact]
    public void UpgradingTwice_EndsWithTheNewestVersionOnly()
    {
        using var machine = TestMachine.Create();
        var first = TestPackages.AtVersion("0.8.0");
        var second = TestPackages.AtVersion("0.9.0");
        new PackageInstaller(machine, first).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(machine, second).InstallProduct(MsiExecReturnCode.SUCCESS);
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.False(machine.IsInstalled(first));
        Assert.False(machine.IsInstalled(second));
        Assert.True(machine.IsInstalled(TestPackages.Shipped));
    }

    [MachineFact]
    public void UninstallingAProductThatIsNotInstalled_ChangesNothing()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        product.UninstallProduct(MsiExecReturnCode.SUCCESS);
        var before = MachineSnapshot.Take(machine);

        // Windows answers 1605 (ERROR_UNKNOWN_PRODUCT); Wine runs an empty removal and answers 0.
        product.UninstallProduct(machine.Expected(wine: MsiExecReturnCode.SUCCESS, windows: MsiExecReturnCode.ERROR_UNKNOWN_PRODUCT));

        MachineSnapshot.Take(machine).AssertUnchangedSince(before);
    }

    /// <remarks>
    /// The custom action runs its C# code in a worker process and deletes it afterwards, so that nothing keeps the
    /// installer's temporary copy of the DLL loaded (docs/custom-action.md). Every kind of call is made here:
    /// immediate (accepting and refusing), deferred (restoring a previous value at uninstall, failing on purpose)
    /// and rollback.
    /// </remarks>
    [MachineFact]
    public void EveryKindOfCustomActionCall_LeavesNothingInTemp()
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "1111111");
        var before = MachineSnapshot.Take(machine);
        var product = new PackageInstaller(machine, TestPackages.FailingWhenDeferred);

        product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=12a");
        product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=1234567", "PORSETUPFAILWHENDEFERRED=1");
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        product.RepairProduct(MsiExecReturnCode.SUCCESS);
        var uninstall = product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Contains("PorSetup: restored Partner value 1111111", uninstall.Log, StringComparison.Ordinal);
        Assert.Empty(MachineSnapshot.CustomActionTemporaryFiles(machine));
        MachineSnapshot.Take(machine).AssertUnchangedSince(before);
    }

    [MachineFact]
    public void TwentyInstallUninstallCycles_LeaveNoRegistryResidueAndNoFiles()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        var before = MachineSnapshot.Take(machine);

        for (var cycle = 0; cycle < 20; cycle++)
        {
            product.InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={1000000 + cycle}");
            product.UninstallProduct(MsiExecReturnCode.SUCCESS);
        }

        MachineSnapshot.Take(machine).AssertUnchangedSince(before);
    }
}
