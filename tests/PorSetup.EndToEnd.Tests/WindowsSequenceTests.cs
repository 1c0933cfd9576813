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
        var row = Rows.Single(r => (Start)r[0] == start && (FleetPackage)r[1] == package && (Command)r[2] == command);
        var (installed, partner) = Machine(start);
        var msi = Fleet.Msi(package);
        if (command == Command.Uninstall)
        {
            // msiexec /x of a package whose ProductCode is not the installed one is 1605 on Windows (Wine: 0).
            var unknown = installed is null || InstalledProducts.ProductCode(installed) != InstalledProducts.ProductCode(msi);
            Assert.Equal(onWindows == OnWindows.UnknownProduct1605, unknown);
            return;
        }

        var commandLine = CommandLine(command);
        var outcome = WindowsInstallerModel.Install(installed, partner, msi, commandLine);

        // Where Windows and Wine take different paths: /i of the installed package without REINSTALL.
        Assert.Equal((int)row[3], outcome.ExitCode);
        Assert.Equal(onWindows == OnWindows.Maintenance, outcome.Maintenance && !commandLine.ContainsKey("REINSTALL"));
        Assert.Equal((int)row[4], outcome.Products);

        Assert.Equal((string?)row[5], AsString(outcome.Partner));
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
    }

    [MsitoolsTheory]
    [InlineData("IgnoreReinstallOfNewPackage", "102", "REINSTALL AND NOT Installed", "REINSTALL", "")]
    [InlineData("ReinstallForNewPartnerId", "104", "PARTNERID AND Installed AND NOT REINSTALL AND NOT REMOVE", "REINSTALL", "ALL")]
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
        var packages = Enum.GetValues<FleetPackage>().Select(Fleet.Msi).ToList();

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

    private static (string? Installed, string? Partner) Machine(Start start) => start switch
    {
        Start.Clean => (null, null),
        Start.HandSet => (null, "##12 345 Contoso"),
        Start.EnUs => (Fleet.Msi(FleetPackage.EnUs), "1111111"),
        Start.FrFr => (Fleet.Msi(FleetPackage.FrFr), "1111111"),
        Start.StampedA => (Fleet.Msi(FleetPackage.StampedA), Fleet.StampedAId),
        Start.StampedB => (Fleet.Msi(FleetPackage.StampedB), Fleet.StampedBId),
        Start.Older => (Fleet.Msi(FleetPackage.Older), "1111111"),
        Start.Newer => (Fleet.Msi(FleetPackage.Newer), "1111111"),
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
