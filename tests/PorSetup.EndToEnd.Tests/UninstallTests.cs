// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>Uninstall removes what PorSetup wrote, and only that.</summary>
public sealed class UninstallTests
{
    [MachineFact]
    public void Uninstall_RemovesTheValueAndTheKeysItCreated()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Null(machine.Registry.Partner);
        Assert.False(machine.Registry.KeyExists(MachineRegistry.MsoKey));
        Assert.False(machine.IsInstalled(TestPackages.Shipped));
    }

    [MachineFact]
    public void Uninstall_LeavesOtherValuesOfTheKeyAlone()
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, "Other", "kept");
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Null(machine.Registry.Partner);
        Assert.Equal("kept", machine.Registry.GetString(MachineRegistry.MsoKey, "Other"));
    }

    [MachineFact]
    public void Uninstall_DoesNotAskForAPartnerId()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        var result = product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.DoesNotContain("POR100", result.Log, StringComparison.Ordinal);
    }
}
