// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>A first install on a clean server.</summary>
public sealed class InstallTests
{
    [MachineFact]
    public void Install_WithPartnerId_WritesTheValueInThe64BitViewOnly()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.False(machine.Registry.KeyExists(MachineRegistry.MsoKey, RegistryView.Registry32), "Nothing may be written under WOW6432Node.");
    }

    [MachineFact]
    public void Install_WithPartnerId_LogsTheAcceptedId()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);

        var result = product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        Assert.Contains("PorSetup: PARTNERID accepted: 1234567", result.Log, StringComparison.Ordinal);
    }

    [MachineFact]
    public void Install_WithoutPartnerId_FailsWith1603AndChangesNothing()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);

        var result = product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE);

        Assert.Contains(PartnerIdMessages.MissingCode, result.Log, StringComparison.Ordinal);
        Assert.False(machine.Registry.KeyExists(MachineRegistry.MsoKey));
        Assert.False(machine.IsInstalled(TestPackages.Shipped));
    }

    /// <remarks>
    /// ALLUSERS="" would make a per-user product that a per-machine PorSetup never finds. The refusal is a type-19
    /// action, whose text Windows logs and Wine does not (docs/wine-and-windows.md).
    /// </remarks>
    [MachineFact]
    public void Install_PerUser_IsRefusedWith1603AndChangesNothing()
    {
        using var machine = TestMachine.Create();
        var before = MachineSnapshot.Take(machine);
        var product = new PackageInstaller(machine, TestPackages.Shipped);

        var result = product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=1234567", "ALLUSERS=");

        Assert.Contains("RefusePerUserInstall", result.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("PorSetup: PARTNERID accepted", result.Log, StringComparison.Ordinal);
        MachineSnapshot.Take(machine).AssertUnchangedSince(before);
        if (!machine.IsWine)
        {
            WineRehearsal.SkipWhereWineDiffers("Wine does not write a type-19 action's message to the log");
            Assert.Contains("POR1005:", result.Log, StringComparison.Ordinal);
        }
    }

    [MachineFact]
    public void Install_RegistersAnArpEntryAPersonRecognises()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        Assert.Equal("PorSetup", machine.ArpValue(TestPackages.Shipped, "DisplayName"));
        Assert.Equal("PorSetup", machine.ArpValue(TestPackages.Shipped, "Publisher"));
        Assert.Equal(TestPackages.ShippedVersion, machine.ArpValue(TestPackages.Shipped, "DisplayVersion"));
        Assert.Equal("Partner of Record ID: 1234567", machine.ArpValue(TestPackages.Shipped, "Comments"));
    }
}
