// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// A Partner value that was on the server before PorSetup (typed into regedit, say) is remembered at the first
/// install and put back at uninstall, by a deferred custom action that receives it through CustomActionData.
/// </summary>
public sealed class PreviousValueTests
{
    private const string HandSetId = "1111111";
    private const string PorSetupKey = @"HKLM\SOFTWARE\PorSetup";

    [MachineFact]
    public void Uninstall_PutsBackTheValueThatWasThereBeforeTheInstall()
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, HandSetId);
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.Equal(HandSetId, machine.Registry.GetString(PorSetupKey, "PreviousPartner"));

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal(HandSetId, machine.Registry.Partner);
        Assert.False(machine.Registry.KeyExists(PorSetupKey), "PorSetup's own key must go at uninstall.");
    }

    [MachineFact]
    public void Install_WithoutAPreviousValue_KeepsOnlyTheInstalledIdInItsKey()
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        Assert.Null(machine.Registry.GetString(PorSetupKey, "PreviousPartner"));
        Assert.Equal("1234567", machine.Registry.GetString(PorSetupKey, "InstalledPartner"));
    }

    [MachineFact]
    public void RepairAndUpgrade_KeepThePreviousValueToPutBack()
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, HandSetId);
        new PackageInstaller(machine, TestPackages.AtVersion("0.9.0")).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS);
        product.RepairProduct(MsiExecReturnCode.SUCCESS);
        Assert.Equal("1234567", machine.Registry.Partner);

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal(HandSetId, machine.Registry.Partner);
    }

    public static TheoryData<string> HandSetStrings => new()
    {
        "#12 345 Contoso",
        "  spaces around  ",
        "accepté 値 Ω",
        "[ProductCode] [%TEMP] [\\[]",
        new string('9', 300),
    };

    /// <remarks>
    /// The value travels as Windows Installer's raw search form (a leading # doubled) through PorSetup's own key and
    /// CustomActionData, and PutBackPartnerValue reads that form back: the string comes back exactly.
    /// </remarks>
    [MachineTheory]
    [MemberData(nameof(HandSetStrings))]
    public void Uninstall_PutsBackExactlyTheStringThatWasThere(string handSet)
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, handSet);
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.Equal(handSet, machine.Registry.GetString(PorSetupKey, "PreviousPartner"));

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal(("REG_SZ", handSet), machine.Registry.Get(MachineRegistry.MsoKey, MachineRegistry.PartnerValue));
    }

    /// <remarks>
    /// A previous value that is not a string is put back with its type and data: PorSetup writes its REG_SZ over it
    /// while installed, and the last uninstall restores what was there. The custom action reads the value from the
    /// registry itself, so a REG_EXPAND_SZ comes back unexpanded on Wine too (Wine's raw search would expand it).
    /// </remarks>
    [MachineTheory]
    [InlineData("REG_DWORD", "1234567", "0x12d687")]
    [InlineData("REG_BINARY", "0a0b", "0A0B")]
    [InlineData("REG_EXPAND_SZ", "%SystemRoot%\\Partner", "%SystemRoot%\\Partner")]
    public void Uninstall_PutsBackAValueOfAnotherTypeWithItsType(string type, string data, string shown)
    {
        using var machine = TestMachine.Create();
        machine.Registry.Set(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, type, data);
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        Assert.Equal("1234567", machine.Registry.Partner);

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal((type, shown), machine.Registry.Get(MachineRegistry.MsoKey, MachineRegistry.PartnerValue));
    }

    /// <remarks>
    /// Two strings the raw registry search would lose: it sets no property for an empty string, and it reads [~] as
    /// the separator of a multi-string. The custom action reads the value itself and keeps such a string in its
    /// envelope (RegistryData.ToRememberedForm), so the last uninstall puts back exactly the REG_SZ that was there.
    /// </remarks>
    [MachineTheory]
    [InlineData("")]
    [InlineData("a[~]b")]
    public void Uninstall_PutsBackAStringTheRegistrySearchWouldLose(string handSet)
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, handSet);
        Assert.Equal(("REG_SZ", handSet), machine.Registry.Get(MachineRegistry.MsoKey, MachineRegistry.PartnerValue));
        var product = new PackageInstaller(machine, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        Assert.Equal("1234567", machine.Registry.Partner);

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal(("REG_SZ", handSet), machine.Registry.Get(MachineRegistry.MsoKey, MachineRegistry.PartnerValue));
    }

    /// <remarks>
    /// The issue this guards against: a second package (another culture, a stamped copy) used to remember the first
    /// one's ID as the "previous" value. Each package replaces the last by a major upgrade and carries the value from
    /// before the first PorSetup on.
    /// </remarks>
    [MachineFact]
    public void AcrossBuildsCulturesAndStampedCopies_TheLastUninstallPutsBackTheValueFromBeforeTheFirst()
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, HandSetId);
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        new PackageInstaller(machine, TestPackages.InCulture("fr-FR")).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=2345678");
        var stamped = new PackageInstaller(machine, Fleet.Msi(FleetPackage.StampedA));
        stamped.InstallProduct(MsiExecReturnCode.SUCCESS);
        Assert.Equal(Fleet.StampedAId, machine.Registry.Partner);
        Assert.Single(machine.PorSetupProductCodes());

        stamped.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Empty(machine.PorSetupProductCodes());
        Assert.Equal(HandSetId, machine.Registry.Partner);
        Assert.False(machine.Registry.KeyExists(PorSetupKey));
    }
}
