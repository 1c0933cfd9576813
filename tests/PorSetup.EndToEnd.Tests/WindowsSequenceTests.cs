// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;
using PorSetup.Testing;
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

    // The uninstall's choices (UNINSTALLPARTNER): the default puts back the value before PorSetup, keep writes back the
    // value before this run after RemoveRegistryValues, and the rollback of an install or a keeping uninstall puts that
    // value back; never when an upgrade removes this version.
    private const string PutBackCondition = "REMOVE~=\"ALL\" AND NOT UPGRADINGPRODUCTCODE AND PARTNERBEFOREPORSETUP AND (NOT UNINSTALLPARTNER OR UNINSTALLPARTNER~=\"putback\")";
    private const string KeepCondition = "REMOVE~=\"ALL\" AND NOT UPGRADINGPRODUCTCODE AND UNINSTALLPARTNER~=\"keep\"";
    private const string RollbackCondition = "NOT (REMOVE~=\"ALL\") OR (NOT UPGRADINGPRODUCTCODE AND UNINSTALLPARTNER~=\"keep\")";

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
        var machine = Machine(start);
        var msi = Fleet.Msi(package);
        if (IsUninstall(command))
        {
            var uninstall = WindowsInstallerModel.Uninstall(machine, msi, commandLine: CommandLine(command));
            if (onWindows == OnWindows.UnknownProduct1605)
            {
                // Windows refuses and changes nothing: the installed product and the Partner value stay (Wine: 0, and
                // it removes the related product, as the row says).
                Assert.Equal(1605, uninstall.ExitCode);
                Assert.Equal(machine.Package is null ? 0 : 1, uninstall.Products);
                Assert.Equal(machine.Partner, uninstall.Partner);
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
        var outcome = WindowsInstallerModel.Install(machine, msi, commandLine, transform: Fleet.TransformProperties(package));

        // Where Windows and Wine take different paths: /i of the installed package without REINSTALL.
        Assert.Equal((int)row.Data.Item4, outcome.ExitCode);
        Assert.Equal(onWindows == OnWindows.Maintenance, outcome.Maintenance && !commandLine.ContainsKey("REINSTALL"));
        Assert.Equal((int)row.Data.Item5, outcome.Products);

        Assert.Equal((string?)row.Data.Item6, AsString(outcome.Partner));
    }

    [MsitoolsFact]
    public void InMaintenanceMode_APartnerIdOnTheCommandLine_AsksForAReinstall()
    {
        var outcome = WindowsInstallerModel.Install(new WindowsMachine(TestPackages.Shipped, "1111111"), TestPackages.Shipped, new Dictionary<string, string> { ["PARTNERID"] = X });

        // With its mode, so that the outcome is the same whichever page's default is right (the model runs both).
        Assert.True(outcome.Maintenance);
        Assert.Equal("ALL", outcome.Properties["REINSTALL"]);
        Assert.Equal("omus", outcome.Properties["REINSTALLMODE"]);
        Assert.Equal(X, outcome.Partner);
    }

    [MsitoolsFact]
    public void InMaintenanceMode_WithoutAPartnerId_NothingIsRewritten()
    {
        var outcome = WindowsInstallerModel.Install(new WindowsMachine(Fleet.Msi(FleetPackage.StampedA), "7654321"), Fleet.Msi(FleetPackage.StampedA), new Dictionary<string, string>());

        Assert.False(outcome.Properties.ContainsKey("REINSTALL"));
        Assert.Equal("7654321", outcome.Partner);
    }

    /// <summary>
    /// Windows only (Wine re-runs the whole install on a plain /i): a re-run or redeploy of the installed package runs
    /// in maintenance mode, which rewrites nothing by itself; where the value was deleted or broken, DecidePartnerId's
    /// WritePartnerId asks for the reinstall, with its mode, that puts the installed ID back; a working ID asks for none.
    /// </summary>
    [MsitoolsTheory]
    [InlineData(null, "1111111", true)]
    [InlineData("12345a7", "1111111", true)]
    [InlineData("2222222", "2222222", true)]
    [InlineData("1111111", "1111111", false)]
    public void InMaintenanceMode_ADeletedOrBrokenValue_AsksForTheReinstallThatPutsTheInstalledIdBack(string? partner, string written, bool reinstall)
    {
        var machine = new WindowsMachine(TestPackages.Shipped, partner, InstalledPartner: "1111111");

        var outcome = WindowsInstallerModel.Install(machine, TestPackages.Shipped, new Dictionary<string, string>());

        Assert.True(outcome.Maintenance);
        Assert.Equal(written, outcome.Partner);
        Assert.Equal(reinstall ? "ALL" : null, outcome.Properties.GetValueOrDefault("REINSTALL"));
        Assert.Equal(reinstall ? "omus" : null, outcome.Properties.GetValueOrDefault("REINSTALLMODE"));
    }

    /// <summary>
    /// Windows only: a repair whose mode has no "m" rewrites no registry entry (Microsoft, REINSTALLMODE: "m" rewrites
    /// "all required registry entries from the Registry Table that go to the HKEY_LOCAL_MACHINE" hive; "Options are
    /// case-insensitive and order-independent"). Where the value was deleted, "m" is added to the caller's mode and the
    /// installed ID comes back; a mode that has "m" in either case is left as the caller gave it.
    /// </summary>
    [MsitoolsTheory]
    [InlineData("vo", "vom")]
    [InlineData("o", "om")]
    [InlineData("vomus", "vomus")]
    [InlineData("VOMUS", "VOMUS")]
    public void ARepairWhoseModeDoesNotRewriteTheRegistry_GetsTheModeThatDoes_WhereTheIdMustBeWritten(string mode, string modeUsed)
    {
        var machine = new WindowsMachine(TestPackages.Shipped, null, InstalledPartner: "1111111");

        var outcome = WindowsInstallerModel.Install(machine, TestPackages.Shipped, new Dictionary<string, string> { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = mode });

        Assert.Equal(modeUsed, outcome.Properties["REINSTALLMODE"]);
        Assert.Equal("1111111", outcome.Partner);
    }

    [MsitoolsFact]
    public void ARepairWithAWorkingId_KeepsTheCallersMode()
    {
        var machine = new WindowsMachine(TestPackages.Shipped, "1111111", InstalledPartner: "1111111");

        var outcome = WindowsInstallerModel.Install(machine, TestPackages.Shipped, new Dictionary<string, string> { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vo" });

        Assert.Equal("vo", outcome.Properties["REINSTALLMODE"]);
        Assert.Equal("1111111", outcome.Partner);
    }

    [MsitoolsFact]
    public void ARepairOfAStampedPackage_KeepsAnIdChangedSince_NotTheStampedOne()
    {
        var stamped = Fleet.Msi(FleetPackage.StampedA);

        var outcome = WindowsInstallerModel.Install(new WindowsMachine(stamped, X), stamped, new Dictionary<string, string> { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus" });

        Assert.Equal(X, outcome.Properties["PARTNERID"]);
        Assert.Equal(X, outcome.Partner);
    }

    [MsitoolsFact]
    public void ARepairOfATransformedInstall_KeepsAnIdChangedSince_NotTheTransformsOne()
    {
        // Windows applies the transform registered with the product again at this repair: its ID must not come back.
        var transform = Fleet.TransformProperties(FleetPackage.Transformed);
        var shipped = Fleet.Msi(FleetPackage.Transformed);

        var machine = new WindowsMachine(shipped, X, Transform: transform);
        var repair = WindowsInstallerModel.Install(machine, shipped, new Dictionary<string, string> { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus" });
        var rerun = WindowsInstallerModel.Install(machine, shipped, new Dictionary<string, string>());

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

    [MsitoolsTheory]
    [InlineData("SetProductInstalled", "103", "Installed AND NOT (ProductState=1)", "ProductInstalled", "1")]
    [InlineData("IgnoreReinstallOfNewPackage", "104", "REINSTALL AND NOT ProductInstalled", "REINSTALL", "")]
    [InlineData("UseTransformPartnerId", "107", "NOT PARTNERID AND TransformPartnerId AND NOT ProductInstalled", "PARTNERID", "[TransformPartnerId]")]
    [InlineData("UseStampedPartnerId", "108", "NOT PARTNERID AND StampedPartnerId AND NOT ProductInstalled", "PARTNERID", "[StampedPartnerId]")]
    [InlineData("SetKeepPartnerId", "110", "NOT PARTNERID AND (ProductInstalled OR WIX_UPGRADE_DETECTED)", "KeepPartnerId", "1")]
    [InlineData("ReinstallModeToWritePartnerId", "125", "WritePartnerId AND ProductInstalled AND NOT REMOVE AND (NOT REINSTALL OR NOT REINSTALLMODE)", "REINSTALLMODE", "omus")]
    [InlineData("ReinstallToWritePartnerId", "126", "WritePartnerId AND ProductInstalled AND NOT REINSTALL AND NOT REMOVE", "REINSTALL", "ALL")]
    [InlineData("AddMachineRegistryToReinstallMode", "127", "WritePartnerId AND ProductInstalled AND NOT REMOVE AND REINSTALL AND REINSTALLMODE AND NOT (REINSTALLMODE~><\"m\")", "REINSTALLMODE", "[REINSTALLMODE]m")]
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
    /// (19: an error message that ends the run; 1: a DLL in the Binary table, checked; +1024 in the script; +2048 as
    /// SYSTEM; +256 on rollback only), data, sequence and condition, as Windows will run them.
    /// </summary>
    [MsitoolsTheory]
    [InlineData("DecidePartnerId", "1", "PorSetupCustomAction", "DecidePartnerId", "120", "NOT (REMOVE~=\"ALL\")")]
    [InlineData("RefuseNonAdministrator", "19", "", "POR1004: Only an administrator or SYSTEM can install, repair or change [ProductName], and nothing was changed. Run msiexec from an elevated command prompt (Run as administrator), or deploy by Group Policy, Configuration Manager or an RMM agent.", "101", "NOT AdminUser AND NOT (REMOVE~=\"ALL\")")]
    [InlineData("RefusePerUserInstall", "19", "", "POR1005: [ProductName] installs for the whole computer only, and nothing was changed. Remove ALLUSERS and MSIINSTALLPERUSER from the msiexec command line.", "102", "NOT (ALLUSERS=1) AND NOT (REMOVE~=\"ALL\")")]
    [InlineData("RefuseInvalidUninstallPartner", "19", "", "POR1006: UNINSTALLPARTNER must be putback (the default), keep or delete, so [ProductName] was not removed and nothing was changed. putback restores the Partner value from before PorSetup, keep leaves it as it is, delete removes it.", "105", "REMOVE AND NOT UPGRADINGPRODUCTCODE AND UNINSTALLPARTNER AND NOT (UNINSTALLPARTNER~=\"putback\" OR UNINSTALLPARTNER~=\"keep\" OR UNINSTALLPARTNER~=\"delete\")")]
    [InlineData("RememberPartnerBeforePorSetup", "51", "PARTNERBEFOREPORSETUP", "[PARTNERBEFORETHISRUN]", "140", "NOT ProductInstalled AND NOT WIX_UPGRADE_DETECTED AND PARTNERBEFORETHISRUN AND NOT PARTNERBEFOREPORSETUP")]
    [InlineData("SetPutBackPartnerBeforePorSetupData", "51", "PutBackPartnerBeforePorSetup", "[PARTNERBEFOREPORSETUP]", "1450", PutBackCondition)]
    [InlineData("SetKeepPartnerAtUninstallData", "51", "KeepPartnerAtUninstall", "[PARTNERBEFORETHISRUN]", "1455", KeepCondition)]
    [InlineData("SetPutBackPartnerBeforeThisRunData", "51", "PutBackPartnerBeforeThisRun", "[PARTNERBEFORETHISRUN]", "1460", RollbackCondition)]
    [InlineData("PutBackPartnerBeforeThisRun", "3329", "PorSetupCustomAction", "PutBackPartnerValue", "2590", RollbackCondition)]
    [InlineData("PutBackPartnerBeforePorSetup", "3073", "PorSetupCustomAction", "PutBackPartnerValue", "2610", PutBackCondition)]
    [InlineData("KeepPartnerAtUninstall", "3073", "PorSetupCustomAction", "PutBackPartnerValue", "2620", KeepCondition)]
    public void TheActionsOfTheValue_HaveTheirTypeSequenceAndCondition(string action, string type, string source, string target, string sequence, string condition)
    {
        var row = MsiTables.Read(TestPackages.Shipped, "InstallExecuteSequence").Single(r => r[0] == action);
        var customAction = MsiTables.Read(TestPackages.Shipped, "CustomAction").Single(r => r[0] == action);

        Assert.Equal([action, condition, sequence], row);
        Assert.Equal([action, type, source, target], customAction[..4]);
    }

    /// <summary>
    /// Windows only (Wine's log does not show a type-19 text): the uninstall choice by Conditional Statement Syntax
    /// (https://learn.microsoft.com/en-us/windows/win32/msi/conditional-statement-syntax): "For string comparisons, a
    /// tilde "~" prefixed to the operator performs a comparison that is not case sensitive", and "Nonexistent property
    /// values are treated as empty strings". Exactly one of refuse, put back, keep or delete for every value; none of
    /// them when an upgrade removes this version.
    /// </summary>
    [MsitoolsTheory]
    [InlineData(null, "putback")]
    [InlineData("", "putback")]
    [InlineData("putback", "putback")]
    [InlineData("PutBack", "putback")]
    [InlineData("keep", "keep")]
    [InlineData("KEEP", "keep")]
    [InlineData("delete", "delete")]
    [InlineData("Delete", "delete")]
    [InlineData("restore", "refuse")]
    [InlineData("keep ", "refuse")]
    [InlineData("1", "refuse")]
    public void TheUninstallChoice_IsReadWithoutCase_AndAnythingElseIsRefused(string? choice, string expected)
    {
        var sequence = MsiTables.Read(TestPackages.Shipped, "InstallExecuteSequence").ToDictionary(r => r[0], r => r[1]);
        var properties = new Dictionary<string, string> { ["REMOVE"] = "ALL", ["PARTNERBEFOREPORSETUP"] = "##12 345 Contoso" };
        if (choice is not null)
        {
            properties["UNINSTALLPARTNER"] = choice;
        }

        var refuse = MsiCondition.Evaluate(sequence["RefuseInvalidUninstallPartner"], properties);
        var putBack = MsiCondition.Evaluate(sequence["PutBackPartnerBeforePorSetup"], properties) && MsiCondition.Evaluate(sequence["SetPutBackPartnerBeforePorSetupData"], properties);
        var keep = MsiCondition.Evaluate(sequence["KeepPartnerAtUninstall"], properties) && MsiCondition.Evaluate(sequence["SetKeepPartnerAtUninstallData"], properties);
        var rollback = MsiCondition.Evaluate(sequence["PutBackPartnerBeforeThisRun"], properties);

        Assert.Equal(expected, (refuse, putBack, keep) switch
        {
            (true, false, false) => "refuse",
            (false, true, false) => "putback",
            (false, false, true) => "keep",
            (false, false, false) => "delete",
            _ => $"refuse {refuse}, putback {putBack}, keep {keep}",
        });
        Assert.Equal(expected == "keep", rollback);

        properties["UPGRADINGPRODUCTCODE"] = "{00000000-0000-0000-0000-000000000000}";
        Assert.DoesNotContain(
            ["RefuseInvalidUninstallPartner", "PutBackPartnerBeforePorSetup", "KeepPartnerAtUninstall", "PutBackPartnerBeforeThisRun"],
            action => MsiCondition.Evaluate(sequence[action], properties));
    }

    /// <summary>
    /// Windows only: the refusal of a bad choice runs at 105, before InstallValidate, where "the REMOVE property is not
    /// guaranteed to be set to ALL during an uninstall" (Microsoft, Conditioning Actions to Run During Removal): a
    /// removal named by its feature (REMOVE=PartnerOfRecord, the package's one feature) is refused like REMOVE=ALL.
    /// </summary>
    [MsitoolsTheory]
    [InlineData("ALL", true)]
    [InlineData("PartnerOfRecord", true)]
    [InlineData("", false)]
    public void ABadUninstallChoice_IsRefusedWhateverFormTheRemovalTakesBeforeInstallValidate(string remove, bool refused)
    {
        var sequence = MsiTables.Read(TestPackages.Shipped, "InstallExecuteSequence").ToDictionary(r => r[0], r => r[1]);
        var at = MsiTables.ReadSequence(TestPackages.Shipped, "InstallExecuteSequence");
        var properties = new Dictionary<string, string> { ["REMOVE"] = remove, ["UNINSTALLPARTNER"] = "bogus" };

        Assert.True(at["RefuseInvalidUninstallPartner"] < at["InstallValidate"]);
        Assert.Equal(refused, MsiCondition.Evaluate(sequence["RefuseInvalidUninstallPartner"], properties));
    }

    [MsitoolsFact]
    public void TheActionsOfTheValue_RunWhereTheyMustAgainstTheStandardActions()
    {
        var at = MsiTables.ReadSequence(TestPackages.Shipped, "InstallExecuteSequence");

        // A refused ID changes nothing: the check runs before the script starts. It also records PARTNERBEFORETHISRUN,
        // which the remembering and the rollback's data are made from.
        Assert.True(at["DecidePartnerId"] < at["InstallInitialize"]);
        Assert.True(at["DecidePartnerId"] < at["RememberPartnerBeforePorSetup"] && at["DecidePartnerId"] < at["SetPutBackPartnerBeforeThisRunData"]);
        // What to remember is decided before CostFinalize evaluates the PartnerBeforePorSetupValue component's condition.
        Assert.True(at["RememberPartnerBeforePorSetup"] < at["CostFinalize"]);
        // Deferred actions get their CustomActionData from type-51 actions scheduled before the script is written.
        Assert.True(at["SetPutBackPartnerBeforePorSetupData"] < at["InstallInitialize"] && at["SetPutBackPartnerBeforeThisRunData"] < at["InstallInitialize"]);
        // The previous value goes back after PorSetup's own value was removed, inside the script.
        Assert.True(at["RemoveRegistryValues"] < at["PutBackPartnerBeforePorSetup"] && at["PutBackPartnerBeforePorSetup"] < at["InstallFinalize"]);
        // A rollback action is scheduled before the actions it undoes: the install's write, a keeping uninstall's removal.
        Assert.True(at["InstallInitialize"] < at["PutBackPartnerBeforeThisRun"] && at["PutBackPartnerBeforeThisRun"] < at["WriteRegistryValues"]);
        Assert.True(at["PutBackPartnerBeforeThisRun"] < at["RemoveRegistryValues"]);
        // UNINSTALLPARTNER=keep writes the value back after Windows Installer removed the component's value.
        Assert.True(at["RemoveRegistryValues"] < at["KeepPartnerAtUninstall"] && at["KeepPartnerAtUninstall"] < at["InstallFinalize"]);
        // An ID to write is known before REINSTALL is asked for, and REINSTALL before CostInitialize fixes the feature states.
        Assert.True(at["DecidePartnerId"] < at["ReinstallModeToWritePartnerId"] && at["ReinstallToWritePartnerId"] < at["CostInitialize"]);
    }

    [MsitoolsFact]
    public void TheRememberedValue_IsWrittenOnlyWhenThereIsOne()
    {
        var component = MsiTables.Read(TestPackages.Shipped, "Component").Single(r => r[0] == "PartnerBeforePorSetupValue");

        // Attributes 260: msidbComponentAttributes64bit | msidbComponentAttributesRegistryKeyPath.
        Assert.Equal(["260", "PARTNERBEFOREPORSETUP"], component[3..5]);
    }

    /// <summary>
    /// The UI sequence runs in the process of whoever started msiexec (a standard user repairing the per-machine
    /// product, say): none of PorSetup's actions runs there, and its refusals are the execute sequence's.
    /// </summary>
    [MsitoolsFact]
    public void TheUiSequence_RunsNoPorSetupAction()
    {
        var actions = MsiTables.Read(TestPackages.Shipped, "CustomAction").Select(r => r[0]).ToHashSet();

        Assert.DoesNotContain(MsiTables.Read(TestPackages.Shipped, "InstallUISequence"), r => actions.Contains(r[0]));
    }

    /// <summary>
    /// Windows only: the registry searches run on the server side. "The installer prevents the AppSearch action from
    /// running in the InstallExecuteSequence sequence if the action has already run in InstallUISequence sequence"
    /// (Microsoft, AppSearch Action), and a user who is not a system administrator passes to the server side only
    /// restricted and secure properties (Microsoft, Restricted Public Properties): the searches' properties are not
    /// secure, so a full-UI run by such a user (UAC-filtered) would lose them if the UI sequence searched.
    /// </summary>
    [MsitoolsFact]
    public void TheSearches_RunOnTheServerSideOnly()
    {
        Assert.DoesNotContain("AppSearch", MsiTables.ReadSequence(TestPackages.Shipped, "InstallUISequence").Keys);
        Assert.Equal(50, MsiTables.ReadSequence(TestPackages.Shipped, "InstallExecuteSequence")["AppSearch"]);
        var secure = MsiTables.ReadProperties(TestPackages.Shipped)["SecureCustomProperties"].Split(';');
        Assert.All(MsiTables.Read(TestPackages.Shipped, "AppSearch").Select(r => r[0]), property => Assert.DoesNotContain(property, secure));
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
            || MsiTables.Read(msi, "InstallExecuteSequence").Any(r => r[1].Contains("PORSETUPFAILWHENDEFERRED", StringComparison.Ordinal));

        Assert.False(HasHook(TestPackages.Shipped));
        Assert.False(HasHook(TestPackages.InCulture("fr-FR")));
        Assert.True(HasHook(TestPackages.FailingWhenDeferred));
    }

    // The machine a starting state leaves: the installed package, the Partner value (raw search form), and the
    // Property rows of the transform the product was installed with.
    private static WindowsMachine Machine(Start start) => start switch
    {
        Start.Clean => WindowsMachine.Without(),
        Start.HandSet => WindowsMachine.Without("##12 345 Contoso"),
        Start.EnUs => new(Fleet.Msi(FleetPackage.EnUs), "1111111"),
        Start.FrFr => new(Fleet.Msi(FleetPackage.FrFr), "1111111"),
        Start.StampedA => new(Fleet.Msi(FleetPackage.StampedA), Fleet.StampedAId),
        Start.StampedB => new(Fleet.Msi(FleetPackage.StampedB), Fleet.StampedBId),
        Start.Older => new(Fleet.Msi(FleetPackage.Older), "1111111"),
        Start.Newer => new(Fleet.Msi(FleetPackage.Newer), "1111111"),
        Start.Transformed => new(Fleet.Msi(FleetPackage.Transformed), Fleet.TransformId, Transform: Fleet.TransformProperties(FleetPackage.Transformed)),
        Start.ValueDeleted => new(Fleet.Msi(FleetPackage.EnUs), null, InstalledPartner: "1111111"),
        Start.ValueBroken => new(Fleet.Msi(FleetPackage.EnUs), "12345a7", InstalledPartner: "1111111"),
        Start.ValueSetSince => new(Fleet.Msi(FleetPackage.EnUs), "2222222", InstalledPartner: "1111111"),
        Start.Released => new(Fleet.Msi(FleetPackage.Older), "1111111", InstalledPartner: string.Empty),
        Start.ReleasedValueDeleted => new(Fleet.Msi(FleetPackage.Older), null, InstalledPartner: string.Empty),
        Start.OverHandSet => new(Fleet.Msi(FleetPackage.EnUs), "1111111", Remembered: "##12 345 Contoso"),
        _ => throw new ArgumentOutOfRangeException(nameof(start)),
    };

    private static Dictionary<string, string> CommandLine(Command command) => command switch
    {
        Command.InstallWithId => new() { ["PARTNERID"] = X },
        Command.ReinstallWithId => new() { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus", ["PARTNERID"] = X },
        Command.Repair => new() { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus" },
        Command.UninstallPutBack => new() { ["UNINSTALLPARTNER"] = "putback" },
        Command.UninstallKeep => new() { ["UNINSTALLPARTNER"] = "Keep" },
        Command.UninstallDelete => new() { ["UNINSTALLPARTNER"] = "DELETE" },
        Command.UninstallBadChoice => new() { ["UNINSTALLPARTNER"] = "restore" },
        _ => [],
    };

    // The raw search form of a REG_SZ value starting with #, as regedit shows it.
    private static string? AsString(string? raw) => raw is not null && raw.StartsWith("##", StringComparison.Ordinal) ? raw[1..] : raw;
}
