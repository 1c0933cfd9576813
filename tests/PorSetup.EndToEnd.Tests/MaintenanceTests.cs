// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>Repair, re-run and changing the ID of an installed PorSetup: the ID is never asked for again.</summary>
public sealed class MaintenanceTests
{
    [MachineFact]
    public void Repair_WithoutPartnerId_KeepsTheInstalledId()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.RepairProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("1234567", machine.Registry.Partner);
    }

    /// <remarks>
    /// A repair never changes a working ID: a valid value set by hand since is kept (and becomes the installed ID); a
    /// deleted value, or one edited to break the rule, gets the installed ID back. The log says which.
    /// </remarks>
    [MachineTheory]
    [InlineData(null, "1234567", "PorSetup: the Partner value is missing; putting back the ID PorSetup installed: 1234567")]
    [InlineData("12345a7", "1234567", "PorSetup: the Partner value \"12345a7\" is not a valid ID; putting back the ID PorSetup installed: 1234567")]
    [InlineData("2222222", "2222222", "PorSetup: keeping the Partner value 2222222, set since PorSetup installed 1234567 (a valid value is never changed)")]
    public void Repair_AfterAHandChange_KeepsAValidValue_OrPutsTheInstalledIdBack_SayingWhich(string? byHand, string partner, string logLine)
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        Assert.Equal("1234567", machine.Registry.GetString(MachineRegistry.PorSetupKey, "InstalledPartner"));
        if (byHand is null)
        {
            machine.Registry.Delete(MachineRegistry.MsoKey, MachineRegistry.PartnerValue);
        }
        else
        {
            machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, byHand);
        }

        var result = product.RepairProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal(partner, machine.Registry.Partner);
        Assert.Equal(partner, machine.Registry.GetString(MachineRegistry.PorSetupKey, "InstalledPartner"));
        Assert.Contains(logLine, result.Log, StringComparison.Ordinal);
    }

    /// <remarks>
    /// A repair whose mode has no "m" (REINSTALLMODE=vo, as /fvo sets) rewrites no registry entry on Windows; where the
    /// value was deleted, the package adds "m" to the mode (AddMachineRegistryToReinstallMode), so the installed ID
    /// comes back instead of a 0 with nothing written. Wine rewrites either way; the model checks the mode it gets
    /// (WindowsSequenceTests).
    /// </remarks>
    [MachineFact]
    public void Repair_WithAModeThatRewritesNoRegistry_StillPutsTheDeletedIdBack()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        machine.Registry.Delete(MachineRegistry.MsoKey, MachineRegistry.PartnerValue);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "REINSTALL=ALL", "REINSTALLMODE=vo");

        Assert.Equal("1234567", machine.Registry.Partner);
    }

    // Wine re-runs the whole install on a plain /i of an installed product; Windows goes into maintenance
    // mode. Either way no ID is asked for and the installed one stays.
    [MachineFact]
    public void Rerun_WithoutPartnerId_KeepsTheInstalledId()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.InstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("1234567", machine.Registry.Partner);
    }

    [MachineFact]
    public void Reinstall_WithANewPartnerId_ChangesTheId()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.RepairProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=7654321");

        Assert.Equal("7654321", machine.Registry.Partner);
        Assert.Equal("Partner of Record ID: 7654321", machine.ArpValue(TestPackages.Shipped, "Comments"));
    }

    [MachineFact]
    public void Reinstall_WithABadPartnerId_FailsAndKeepsTheInstalledId()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.RepairProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=12345a7");

        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.True(machine.IsInstalled(TestPackages.Shipped));
    }

    /// <remarks>The stamped ID serves only when the package is new on the machine; after that the machine's ID wins.</remarks>
    [MachineFact]
    public void AStampedInstall_WhoseIdWasChanged_KeepsTheNewIdThroughARepairAndARerun()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, Fleet.Msi(FleetPackage.StampedA));
        product.InstallProduct(MsiExecReturnCode.SUCCESS);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=7654321");

        product.RepairProduct(MsiExecReturnCode.SUCCESS);
        Assert.Equal("7654321", machine.Registry.Partner);
        product.InstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("7654321", machine.Registry.Partner);
    }

    /// <remarks>
    /// Windows applies the transform a product was installed with again at every maintenance operation (Wine may
    /// not): the transform's ID (TransformPartnerId) serves only when the package is new on the machine, so it does
    /// not come back. WindowsSequenceTests.ARepairOfATransformedInstall_... proves the Windows path from the tables.
    /// </remarks>
    [MachineFact]
    public void ATransformedInstall_WhoseIdWasChanged_KeepsTheNewIdThroughARepairAndARerun()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, Fleet.Msi(FleetPackage.Transformed));
        var transforms = $"TRANSFORMS={machine.WindowsPath(Fleet.Transform(FleetPackage.Transformed)!)}";
        product.InstallProduct(MsiExecReturnCode.SUCCESS, transforms);
        Assert.Equal(Fleet.TransformId, machine.Registry.Partner);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=7654321");

        // Windows applies the registered transform by itself; under Wine it is given again, as Windows would apply it.
        string[] again = machine.IsWine ? [transforms] : [];
        product.RepairProduct(MsiExecReturnCode.SUCCESS, again);
        Assert.Equal("7654321", machine.Registry.Partner);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, again);

        Assert.Equal("7654321", machine.Registry.Partner);
    }
}
