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

    [MachineFact]
    public void Uninstall_RemovesTheInstalledIdWithPorSetupsKey()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        Assert.Equal("1234567", machine.Registry.GetString(MachineRegistry.PorSetupKey, "InstalledPartner"));

        product.UninstallProduct(MsiExecReturnCode.SUCCESS, "UNINSTALLPARTNER=keep");

        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.False(machine.Registry.KeyExists(MachineRegistry.PorSetupKey));
        Assert.False(machine.IsInstalled(TestPackages.Shipped));
    }

    /// <remarks>Keep writes the value back as it was found, type and all (here a REG_DWORD, in the search's form).</remarks>
    [MachineFact]
    public void UninstallKeep_LeavesAValueOfAnotherTypeAsItWas()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        machine.Registry.Set(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "REG_DWORD", "7654321");

        product.UninstallProduct(MsiExecReturnCode.SUCCESS, "UNINSTALLPARTNER=KEEP");

        Assert.Equal(("REG_DWORD", "0x74cbb1"), machine.Registry.Get(MachineRegistry.MsoKey, MachineRegistry.PartnerValue));
    }

    [MachineFact]
    public void Uninstall_WithAnUnknownChoice_IsRefused_AndChangesNothing()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.UninstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "UNINSTALLPARTNER=yes");

        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.Equal("1234567", machine.Registry.GetString(MachineRegistry.PorSetupKey, "InstalledPartner"));
        Assert.True(machine.IsInstalled(TestPackages.Shipped));
    }
}
