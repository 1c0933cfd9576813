// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Build;
using PorSetup.EndToEnd.Tests.Infrastructure;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// What the built MSI's tables hold that Windows needs and Wine ignores (the Template's platform, the component
/// attributes, the scheduling of script actions), read back with msitools. Package identity, upgrades and secure
/// properties are proven in <see cref="WindowsSequenceTests"/>.
/// </summary>
public sealed class PackageDatabaseTests
{
    private static IReadOnlyDictionary<string, string> Properties => MsiTables.ReadProperties(TestPackages.Shipped);

    // Action name to sequence number, for one sequence table (columns: Action, Condition, Sequence).
    private static Dictionary<string, int> Sequence(string table) =>
        MsiTables.ReadSequence(TestPackages.Shipped, table);

    [MsitoolsFact]
    public void PackageIsPerMachineX64()
    {
        var summary = MsiTables.ReadSummary(TestPackages.Shipped);

        Assert.Equal("1", Properties["ALLUSERS"]);
        Assert.Equal("x64;1033", summary["Template"]);
        Assert.StartsWith("500", summary["Version"], StringComparison.Ordinal);
    }

    [MsitoolsFact]
    public void IdentityComesFromDirectoryBuildProps()
    {
        Assert.Equal(ProductIdentity.Name, Properties["ProductName"]);
        Assert.Equal(ProductIdentity.Manufacturer, Properties["Manufacturer"]);
        Assert.Equal(ProductIdentity.Version, Properties["ProductVersion"]);
    }

    [MsitoolsTheory]
    [InlineData("PartnerValue", @"SOFTWARE\Microsoft\Windows Server\MSO", "Partner", "[PARTNERID]", "")]
    [InlineData("PartnerBeforePorSetupValue", @"SOFTWARE\PorSetup", "PreviousPartner", "[PARTNERBEFOREPORSETUP]", "PARTNERBEFOREPORSETUP")]
    [InlineData("InstalledPartnerValue", @"SOFTWARE\PorSetup", "InstalledPartner", "[PARTNERID]", "")]
    public void RegistryComponentsAre64BitWithTheValueAsKeyPath(string id, string key, string name, string value, string condition)
    {
        var component = MsiTables.Read(TestPackages.Shipped, "Component").Single(row => row[0] == id);
        var registry = MsiTables.Read(TestPackages.Shipped, "Registry").Single(row => row[0] == component[5]);

        // 0x100 msidbComponentAttributes64bit | 0x4 msidbComponentAttributesRegistryKeyPath
        Assert.Equal("260", component[3]);
        Assert.Equal(condition, component[4]);
        Assert.Equal(["2", key, name, value, id], registry[1..6]);
    }

    [MsitoolsFact]
    public void TheSearchesReadThe64BitView()
    {
        var locators = MsiTables.Read(TestPackages.Shipped, "RegLocator");

        // The Partner value, the installed ID and the value before PorSetup. 0x10 msidbLocatorType64bit | 0x2 msidbLocatorTypeRawValue
        Assert.Equal(3, locators.Count);
        Assert.All(locators, locator => Assert.Equal("18", locator[4]));
    }

    [MsitoolsFact]
    public void ValidationRunsBeforeAnythingChanges()
    {
        var sequence = Sequence("InstallExecuteSequence");

        Assert.True(sequence["AppSearch"] < sequence["DecidePartnerId"]);
        Assert.True(sequence["LaunchConditions"] < sequence["DecidePartnerId"]);
        Assert.True(sequence["DecidePartnerId"] < sequence["InstallInitialize"]);
        Assert.True(sequence["SetKeepPartnerId"] < sequence["DecidePartnerId"]);
        Assert.True(sequence["DecidePartnerId"] < sequence["ReinstallToWritePartnerId"]);
        Assert.True(sequence["ReinstallToWritePartnerId"] < sequence["CostInitialize"]);
        Assert.True(sequence["UseStampedPartnerId"] < sequence["DecidePartnerId"]);
    }

    [MsitoolsFact]
    public void ValidationIsANativeDllActionThatImpersonates()
    {
        var action = MsiTables.Read(TestPackages.Shipped, "CustomAction").Single(row => row[0] == "DecidePartnerId");

        // Type 1: DLL stored in the Binary table; no 0x800 (msidbCustomActionTypeNoImpersonate) or other flags.
        Assert.Equal("1", action[1]);
        Assert.Equal("DecidePartnerId", action[3]);
    }

    [MsitoolsTheory]
    [InlineData("PutBackPartnerBeforePorSetup", 3073)] // 0x1 DLL | 0x400 deferred | 0x800 no impersonation
    [InlineData("KeepPartnerAtUninstall", 3073)]
    [InlineData("PutBackPartnerBeforeThisRun", 3329)]     // 0x1 DLL | 0x500 rollback | 0x800 no impersonation
    public void ScriptActionsRunAsSystemAtTheRightTime(string action, int type)
    {
        var row = MsiTables.Read(TestPackages.Shipped, "CustomAction").Single(r => r[0] == action);

        Assert.Equal(type.ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
    }

    [MsitoolsFact]
    public void RollbackIsScheduledBeforeTheWriteAndRestoreAfterTheRemoval()
    {
        var sequence = Sequence("InstallExecuteSequence");

        Assert.True(sequence["PutBackPartnerBeforeThisRun"] < sequence["WriteRegistryValues"]);
        Assert.True(sequence["PutBackPartnerBeforeThisRun"] < sequence["RemoveRegistryValues"]);
        Assert.True(sequence["RemoveRegistryValues"] < sequence["PutBackPartnerBeforePorSetup"]);
        Assert.True(sequence["RemoveRegistryValues"] < sequence["KeepPartnerAtUninstall"]);
        Assert.True(sequence["SetPutBackPartnerBeforePorSetupData"] < sequence["InstallInitialize"]);
    }

    /// <summary>
    /// Windows only: the old PorSetup is removed inside this install's transaction, so a failed or cancelled upgrade
    /// puts it back. WiX, MajorUpgrade/@Schedule="afterInstallInitialize": "if the installation of the upgrade product
    /// fails, Windows Installer also rolls back the removal of the installed product -- in other words, reinstalls
    /// it" (afterInstallValidate, the default: "the machine will have neither version installed"). Microsoft
    /// (RemoveExistingProducts action) allows it "After the InstallInitialize action and before any actions that
    /// generate execution script"; ICE63 "Immediately after InstallInitialize". Wine removes the old product in a
    /// child msiexec and never rolls that back (FaultTests shows what Wine can).
    /// </summary>
    [MsitoolsFact]
    public void OldVersionsAreRemovedInsideTheTransaction_BeforeAnyScriptAction()
    {
        var sequence = Sequence("InstallExecuteSequence");
        var types = MsiTables.Read(TestPackages.Shipped, "CustomAction").ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
        // Standard actions that write script, and custom actions with msidbCustomActionTypeInScript (0x400).
        var scriptActions = sequence.Where(a => a.Value > sequence["InstallInitialize"] && a.Key != "RemoveExistingProducts"
            && (!types.TryGetValue(a.Key, out var type) || (type & 0x400) != 0));

        Assert.Equal(sequence["InstallInitialize"] + 1, sequence["RemoveExistingProducts"]);
        Assert.All(scriptActions, a => Assert.True(sequence["RemoveExistingProducts"] < a.Value, a.Key));
    }

    /// <summary>CustomAction.Target is a string of 255 characters at most (WiX's table definition; ICE03 on Windows).</summary>
    [MsitoolsTheory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public void EveryCustomActionTarget_FitsItsColumn(string culture)
    {
        var msi = culture == "en-US" ? TestPackages.Shipped : TestPackages.InCulture(culture);

        Assert.All(MsiTables.Read(msi, "CustomAction"), row => Assert.True(row.Length < 4 || row[3].Length <= 255, $"{row[0]}: {row[3].Length} characters"));
    }

    [MsitoolsFact]
    public void DowngradesAreBlockedByALaunchCondition()
    {
        var condition = Assert.Single(MsiTables.Read(TestPackages.Shipped, "LaunchCondition"));

        Assert.Equal("NOT WIX_DOWNGRADE_DETECTED", condition[0]);
        Assert.Contains("newer version", condition[1], StringComparison.Ordinal);
    }

    [MsitoolsFact]
    public void DatabaseCodepageIsWindows1252()
    {
        var codepage = Tool.RunChecked("msiinfo", "export", TestPackages.Shipped, "_ForceCodepage");

        Assert.Contains("1252\t_ForceCodepage", codepage, StringComparison.Ordinal);
    }

    /// <summary>
    /// The guide's exit codes: PorSetup itself never asks for a restart (3010, or 1641 without /norestart). Windows
    /// Installer asks for one when it must replace a file in use ("Logging of Reboot Requests") or runs ForceReboot
    /// or ScheduleReboot ("System Reboots"): the package installs no file, sequences neither action in any table,
    /// and sets no REBOOT property of its own.
    /// </summary>
    [MsitoolsFact]
    public void PackageAsksForNoRestart()
    {
        Assert.Empty(MsiTables.Read(TestPackages.Shipped, "File"));
        Assert.All(
            ["InstallExecuteSequence", "InstallUISequence", "AdminExecuteSequence", "AdminUISequence", "AdvtExecuteSequence"],
            table => Assert.DoesNotContain(Sequence(table).Keys, action => action is "ForceReboot" or "ScheduleReboot"));
        Assert.False(Properties.ContainsKey("REBOOT"));
    }
}
