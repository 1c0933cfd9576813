// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Build;
using PorSetup.EndToEnd.Tests.Infrastructure;
using static PorSetup.EndToEnd.Tests.PackageIdentityMatrixTests;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// Windows only: what Wine's lenient msiexec cannot show (maintenance mode, REINSTALL on a new package, secure
/// properties, the Upgrade rows' version and language rules, 1605), proven from the packages' own tables. Each
/// matrix row of <see cref="PackageIdentityMatrixTests"/> is run through <see cref="WindowsInstallerModel"/>, which
/// executes the real sequence tables and conditions under Windows' documented rules; the outcome must be the one the
/// matrix asserts under Wine, reached the way the row's OnWindows column says.
/// </summary>
public sealed class WindowsSequenceTests
{
    private const string X = "7654321";

    public static TheoryData<Start, FleetPackage, Command, OnWindows> MatrixRows()
    {
        var rows = new TheoryData<Start, FleetPackage, Command, OnWindows>();
        foreach (var (start, package, command, onWindows) in WindowsRows())
        {
            rows.Add(start, package, command, onWindows);
        }

        return rows;
    }

    [MsitoolsTheory]
    [MemberData(nameof(MatrixRows))]
    public void EveryMatrixRow_EndsTheSameWayOnWindows(Start start, FleetPackage package, Command command, OnWindows onWindows)
    {
        var row = Rows.Single(r => (Start)r.Data.Item1 == start && (FleetPackage)r.Data.Item2 == package && (Command)r.Data.Item3 == command);
        var (installed, partner, installedTransform) = Machine(start);
        var msi = Fleet.Msi(package);
        if (command == Command.Uninstall)
        {
            var uninstall = WindowsInstallerModel.Uninstall(installed, partner, msi);
            if (onWindows == OnWindows.UnknownProduct1605)
            {
                // Windows refuses and changes nothing: the installed product and the Partner value stay (Wine: 0, and
                // it removes the related product, as the row says).
                Assert.Equal(1605, uninstall.ExitCode);
                Assert.Equal(installed is null ? 0 : 1, uninstall.Products);
                Assert.Equal(partner, uninstall.Partner);
            }
            else
            {
                Assert.Equal((int)row.Data.Item4, uninstall.ExitCode);
                Assert.Equal((int)row.Data.Item5, uninstall.Products);
                Assert.Equal((string?)row.Data.Item6, AsString(uninstall.Partner));
            }

            return;
        }

        var commandLine = CommandLine(command);
        var outcome = WindowsInstallerModel.Install(
            installed, partner, msi, commandLine, transform: Fleet.TransformProperties(package), installedTransform: installedTransform);

        // Where Windows and Wine take different paths: /i of the installed package without REINSTALL.
        Assert.Equal((int)row.Data.Item4, outcome.ExitCode);
        Assert.Equal(onWindows == OnWindows.Maintenance, outcome.Maintenance && !commandLine.ContainsKey("REINSTALL"));
        Assert.Equal((int)row.Data.Item5, outcome.Products);

        Assert.Equal((string?)row.Data.Item6, AsString(outcome.Partner));
    }

    [MsitoolsFact]
    public void InMaintenanceMode_APartnerIdOnTheCommandLine_AsksForAReinstall()
    {
        var outcome = WindowsInstallerModel.Install(TestPackages.Shipped, "1111111", TestPackages.Shipped, new Dictionary<string, string> { ["PARTNERID"] = X });

        Assert.True(outcome.Maintenance);
        Assert.Equal("ALL", outcome.Properties["REINSTALL"]);
        Assert.Equal(X, outcome.Partner);
    }

    [MsitoolsFact]
    public void InMaintenanceMode_WithoutAPartnerId_NothingIsRewritten()
    {
        var outcome = WindowsInstallerModel.Install(Fleet.Msi(FleetPackage.StampedA), "7654321", Fleet.Msi(FleetPackage.StampedA), new Dictionary<string, string>());

        Assert.False(outcome.Properties.ContainsKey("REINSTALL"));
        Assert.Equal("7654321", outcome.Partner);
    }

    [MsitoolsFact]
    public void ARepairOfAStampedPackage_KeepsAnIdChangedSince_NotTheStampedOne()
    {
        var stamped = Fleet.Msi(FleetPackage.StampedA);

        var outcome = WindowsInstallerModel.Install(stamped, X, stamped, new Dictionary<string, string> { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus" });

        Assert.Equal(X, outcome.Properties["PARTNERID"]);
        Assert.Equal(X, outcome.Partner);
    }

    [MsitoolsFact]
    public void ARepairOfATransformedInstall_KeepsAnIdChangedSince_NotTheTransformsOne()
    {
        // Windows applies the transform registered with the product again at this repair: its ID must not come back.
        var transform = Fleet.TransformProperties(FleetPackage.Transformed);
        var shipped = Fleet.Msi(FleetPackage.Transformed);

        var repair = WindowsInstallerModel.Install(
            shipped, X, shipped, new Dictionary<string, string> { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus" }, installedTransform: transform);
        var rerun = WindowsInstallerModel.Install(shipped, X, shipped, new Dictionary<string, string>(), installedTransform: transform);

        Assert.Equal(Fleet.TransformId, repair.Properties["TransformPartnerId"]);
        Assert.Equal(X, repair.Partner);
        Assert.False(rerun.Properties.ContainsKey("REINSTALL"));
        Assert.Equal(X, rerun.Partner);
    }

    [Fact]
    public void TheTransform_GivesItsIdInAPrivateProperty_AndValidatesOnlyTheUpgradeCode()
    {
        // A PARTNERID in a transform would be given again at every maintenance operation (see above); language and
        // version checks would keep one transform from serving every build of PorSetup.
        Assert.Equal(
            new Dictionary<string, string> { ["TransformPartnerId"] = Fleet.TransformId },
            Fleet.TransformProperties(FleetPackage.Transformed));
        var flags = PorSetup.Msi.MsiTransformReader.Read(Fleet.Transform(FleetPackage.Transformed)!).Flags;
        Assert.Equal(PorSetup.Msi.MsiTransformFlags.ValidateUpgradeCode, flags & (PorSetup.Msi.MsiTransformFlags)unchecked((int)0xFFFF0000));
    }

    [MsitoolsFact]
    public void AStandardUsersRepair_CannotCarryAPartnerId()
    {
        var outcome = WindowsInstallerModel.Install(
            TestPackages.Shipped, "1111111", TestPackages.Shipped,
            new Dictionary<string, string> { ["PARTNERID"] = X, ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus", ["SAVEDPARTNERID"] = X },
            standardUser: true);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("1111111", outcome.Properties["PARTNERID"]);
        Assert.Equal("1111111", outcome.Partner);
    }

    [MsitoolsFact]
    public void NoPropertyThatDecidesTheValue_IsSecure()
    {
        var secure = MsiTables.ReadProperties(TestPackages.Shipped)["SecureCustomProperties"].Split(';');

        // What the Upgrade rows set, as WiX makes them secure; a standard user's repair is in maintenance mode, where
        // "Installed" already decides what they would.
        Assert.Equal(["WIX_DOWNGRADE_DETECTED", "WIX_UPGRADE_DETECTED"], secure.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("PARTNERID", secure);
        Assert.DoesNotContain("SAVEDPARTNERID", secure);
        Assert.DoesNotContain("PREVIOUSPARTNERID", secure);
        Assert.DoesNotContain("StampedPartnerId", secure);
        Assert.DoesNotContain("TransformPartnerId", secure);
    }

    [MsitoolsTheory]
    [InlineData("IgnoreReinstallOfNewPackage", "102", "REINSTALL AND NOT Installed", "REINSTALL", "")]
    [InlineData("ReinstallForNewPartnerId", "104", "PARTNERID AND Installed AND NOT REINSTALL AND NOT REMOVE", "REINSTALL", "ALL")]
    [InlineData("UseTransformPartnerId", "105", "NOT PARTNERID AND TransformPartnerId AND NOT Installed", "PARTNERID", "[TransformPartnerId]")]
    [InlineData("UseStampedPartnerId", "106", "NOT PARTNERID AND StampedPartnerId AND NOT Installed", "PARTNERID", "[StampedPartnerId]")]
    [InlineData("RestorePartnerId", "110", "NOT PARTNERID AND SAVEDPARTNERID AND (Installed OR WIX_UPGRADE_DETECTED)", "PARTNERID", "[SAVEDPARTNERID]")]
    public void TheActionsThatDecideTheId_RunInOrder_BeforeTheFeatureStatesAreFixed(string action, string sequence, string condition, string property, string value)
    {
        var row = MsiTables.Read(TestPackages.Shipped, "InstallExecuteSequence").Single(r => r[0] == action);
        var customAction = MsiTables.Read(TestPackages.Shipped, "CustomAction").Single(r => r[0] == action);
        var costInitialize = MsiTables.Read(TestPackages.Shipped, "InstallExecuteSequence").Single(r => r[0] == "CostInitialize");

        Assert.Equal([action, condition, sequence], row);
        Assert.Equal(["51", property], customAction[1..3]);
        Assert.Equal(value, customAction.Length > 3 ? customAction[3] : string.Empty);
        Assert.True(int.Parse(sequence, System.Globalization.CultureInfo.InvariantCulture) < int.Parse(costInitialize[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The other actions that decide what is written and what an uninstall or a rollback puts back, with their type
    /// (1: a DLL in the Binary table, checked; +1024 in the script; +2048 as SYSTEM; +256 on rollback only), data,
    /// sequence and condition, as Windows will run them.
    /// </summary>
    [MsitoolsTheory]
    [InlineData("ValidatePartnerId", "1", "PorSetupCustomAction", "ValidatePartnerId", "120", "NOT (REMOVE~=\"ALL\")")]
    [InlineData("RememberPreviousPartnerId", "51", "PREVIOUSPARTNERID", "[PartnerValueBefore]", "140", "NOT Installed AND NOT WIX_UPGRADE_DETECTED AND PartnerValueBefore AND NOT PREVIOUSPARTNERID")]
    [InlineData("SetRestorePreviousPartnerIdData", "51", "RestorePreviousPartnerId", "[PREVIOUSPARTNERID]", "1450", "REMOVE~=\"ALL\" AND NOT UPGRADINGPRODUCTCODE AND PREVIOUSPARTNERID")]
    [InlineData("SetRollbackPartnerValueData", "51", "RollbackPartnerValue", "[PartnerValueBefore]", "1460", "NOT (REMOVE~=\"ALL\")")]
    [InlineData("RestorePreviousPartnerId", "3073", "PorSetupCustomAction", "RestorePartnerValue", "2610", "REMOVE~=\"ALL\" AND NOT UPGRADINGPRODUCTCODE AND PREVIOUSPARTNERID")]
    [InlineData("RollbackPartnerValue", "3329", "PorSetupCustomAction", "RestorePartnerValue", "4990", "NOT (REMOVE~=\"ALL\")")]
    public void TheActionsOfTheValue_HaveTheirTypeSequenceAndCondition(string action, string type, string source, string target, string sequence, string condition)
    {
        var row = MsiTables.Read(TestPackages.Shipped, "InstallExecuteSequence").Single(r => r[0] == action);
        var customAction = MsiTables.Read(TestPackages.Shipped, "CustomAction").Single(r => r[0] == action);

        Assert.Equal([action, condition, sequence], row);
        Assert.Equal([action, type, source, target], customAction[..4]);
    }

    [MsitoolsFact]
    public void TheActionsOfTheValue_RunWhereTheyMustAgainstTheStandardActions()
    {
        var at = MsiTables.Read(TestPackages.Shipped, "InstallExecuteSequence")
            .ToDictionary(r => r[0], r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture));

        // A refused ID changes nothing: the check runs before the script starts. It also records PartnerValueBefore,
        // which the remembering and the rollback's data are made from.
        Assert.True(at["ValidatePartnerId"] < at["InstallInitialize"]);
        Assert.True(at["ValidatePartnerId"] < at["RememberPreviousPartnerId"] && at["ValidatePartnerId"] < at["SetRollbackPartnerValueData"]);
        // What to remember is decided before CostFinalize evaluates the PreviousPartnerValue component's condition.
        Assert.True(at["RememberPreviousPartnerId"] < at["CostFinalize"]);
        // Deferred actions get their CustomActionData from type-51 actions scheduled before the script is written.
        Assert.True(at["SetRestorePreviousPartnerIdData"] < at["InstallInitialize"] && at["SetRollbackPartnerValueData"] < at["InstallInitialize"]);
        // The previous value goes back after PorSetup's own value was removed, inside the script.
        Assert.True(at["RemoveRegistryValues"] < at["RestorePreviousPartnerId"] && at["RestorePreviousPartnerId"] < at["InstallFinalize"]);
        // A rollback action is scheduled before the action it undoes.
        Assert.True(at["InstallInitialize"] < at["RollbackPartnerValue"] && at["RollbackPartnerValue"] < at["WriteRegistryValues"]);
    }

    [MsitoolsFact]
    public void TheRememberedValue_IsWrittenOnlyWhenThereIsOne()
    {
        var component = MsiTables.Read(TestPackages.Shipped, "Component").Single(r => r[0] == "PreviousPartnerValue");

        // Attributes 260: msidbComponentAttributes64bit | msidbComponentAttributesRegistryKeyPath.
        Assert.Equal(["260", "PREVIOUSPARTNERID"], component[3..5]);
    }

    [MsitoolsFact]
    public void TheUiSequence_OnlyChecksAGivenId()
    {
        var actions = MsiTables.Read(TestPackages.Shipped, "CustomAction").Select(r => r[0]).ToHashSet();
        var ours = MsiTables.Read(TestPackages.Shipped, "InstallUISequence").Where(r => actions.Contains(r[0])).ToList();

        Assert.Equal([["ValidatePartnerId", "PARTNERID AND NOT (REMOVE~=\"ALL\")", "120"]], ours);
    }

    [MsitoolsTheory]
    [InlineData(FleetPackage.EnUs, "1.0.0")]
    [InlineData(FleetPackage.FrFr, "1.0.0")]
    [InlineData(FleetPackage.StampedA, "1.0.0")]
    [InlineData(FleetPackage.Newer, "9.0.0")]
    public void TheUpgradeRows_ReplaceAnyPorSetupOfTheSameOrALowerVersion_InAnyLanguage(FleetPackage package, string version)
    {
        var upgrade = MsiTables.Read(Fleet.Msi(package), "Upgrade").OrderBy(r => r[^1], StringComparer.Ordinal).ToList();
        const string UpgradeCode = "{04642C1E-F2AA-4081-867C-BB71239DB337}";

        // 0x201: MigrateFeatures | VersionMaxInclusive (AllowSameVersionUpgrades). 0x2: OnlyDetect, and no
        // VersionMinInclusive, so the same version is not a downgrade. No language: IgnoreLanguage.
        Assert.Equal(
            [
                [UpgradeCode, version, string.Empty, string.Empty, "2", string.Empty, "WIX_DOWNGRADE_DETECTED"],
                [UpgradeCode, string.Empty, version, string.Empty, "513", string.Empty, "WIX_UPGRADE_DETECTED"],
            ],
            upgrade);
    }

    [MsitoolsFact]
    public void EveryPackageOfTheFleet_IsAProductOfItsOwn()
    {
        // Transformed is the shipped MSI given a transform: the same package.
        var packages = Enum.GetValues<FleetPackage>().Select(Fleet.Msi).Distinct().ToList();

        Assert.Equal(packages.Count, packages.Select(InstalledProducts.ProductCode).Distinct().Count());
        Assert.Equal(packages.Count, packages.Select(p => MsiTables.ReadSummary(p)["Revision number (UUID)"]).Distinct().Count());
        Assert.Single(packages.Select(p => MsiTables.ReadProperties(p)["UpgradeCode"]).Distinct());
    }

    [MsitoolsFact]
    public void TheShippedPackage_CarriesNoTestHook_ThatTheTestVariantDoes()
    {
        static bool HasHook(string msi) =>
            MsiTables.Read(msi, "CustomAction").Any(r => r.Length > 3 && r[3] == "FailWhenDeferred")
            || MsiTables.Read(msi, "InstallExecuteSequence").Any(r => r[1].Contains("PORSETUP", StringComparison.Ordinal));

        Assert.False(HasHook(TestPackages.Shipped));
        Assert.False(HasHook(TestPackages.InCulture("fr-FR")));
        Assert.True(HasHook(TestPackages.FailingWhenDeferred));
    }

    // The machine a starting state leaves: the installed package, the Partner value (raw search form), and the
    // Property rows of the transform the product was installed with.
    private static (string? Installed, string? Partner, IReadOnlyDictionary<string, string>? InstalledTransform) Machine(Start start) => start switch
    {
        Start.Clean => (null, null, null),
        Start.HandSet => (null, "##12 345 Contoso", null),
        Start.EnUs => (Fleet.Msi(FleetPackage.EnUs), "1111111", null),
        Start.FrFr => (Fleet.Msi(FleetPackage.FrFr), "1111111", null),
        Start.StampedA => (Fleet.Msi(FleetPackage.StampedA), Fleet.StampedAId, null),
        Start.StampedB => (Fleet.Msi(FleetPackage.StampedB), Fleet.StampedBId, null),
        Start.Older => (Fleet.Msi(FleetPackage.Older), "1111111", null),
        Start.Newer => (Fleet.Msi(FleetPackage.Newer), "1111111", null),
        Start.Transformed => (Fleet.Msi(FleetPackage.Transformed), Fleet.TransformId, Fleet.TransformProperties(FleetPackage.Transformed)),
        _ => throw new ArgumentOutOfRangeException(nameof(start)),
    };

    private static Dictionary<string, string> CommandLine(Command command) => command switch
    {
        Command.InstallWithId => new() { ["PARTNERID"] = X },
        Command.ReinstallWithId => new() { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus", ["PARTNERID"] = X },
        Command.Repair => new() { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus" },
        _ => [],
    };

    // The raw search form of a REG_SZ value starting with #, as regedit shows it.
    private static string? AsString(string? raw) => raw is not null && raw.StartsWith("##", StringComparison.Ordinal) ? raw[1..] : raw;
}
