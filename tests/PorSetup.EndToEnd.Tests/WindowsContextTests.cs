// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Build;
using PorSetup.EndToEnd.Tests.Infrastructure;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// Windows only: who may change the ID (an elevated administrator, a UAC-filtered one, a standard user, SYSTEM),
/// Group Policy's advertise-then-install, per-user installs, 1638, the version's fourth field and what the last
/// uninstall puts back, run through <see cref="WindowsInstallerModel"/> from the packages' own tables under every
/// reading of the documentation (<see cref="WindowsReading"/>). Wine enforces none of it: its user is an
/// administrator, it passes every property, and it cannot advertise (docs/wine-and-windows.md).
/// </summary>
public sealed class WindowsContextTests
{
    private const string X = "7654321";
    private const string HandSet = "##12 345 Contoso";

    public enum Situation
    {
        /// <summary>No PorSetup on the server.</summary>
        Clean,

        /// <summary>The same package is installed: Windows runs it in maintenance mode (managed, elevated for anyone).</summary>
        SamePackageInstalled,

        /// <summary>Another PorSetup package is installed: this one is a first install that replaces it.</summary>
        OtherPackageInstalled,
    }

    public static TheoryData<Caller, Situation> EveryCallerInEverySituation()
    {
        var rows = new TheoryData<Caller, Situation>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            foreach (var situation in Enum.GetValues<Situation>())
            {
                rows.Add(caller, situation);
            }
        }

        return rows;
    }

    /// <summary>
    /// The guide's table of contexts, for "Change the ID". An administrator (elevated or SYSTEM) changes it in every
    /// state. Windows elevates a first install only for an elevated caller, so anyone else's silent first install
    /// fails. In maintenance mode Windows elevates anyone; then a standard user is refused by the engine (POR1004), and
    /// a UAC-filtered administrator, whom no page says Windows counts as an administrator, either changes the ID or is
    /// refused the same way, but never gets a success that changed nothing.
    /// </summary>
    [MsitoolsTheory]
    [MemberData(nameof(EveryCallerInEverySituation))]
    public void ChangeTheId_ChangesItOrSaysWhyNot_NeverSucceedsWithoutChangingIt(Caller caller, Situation situation)
    {
        var machine = situation switch
        {
            Situation.Clean => WindowsMachine.Without(HandSet),
            Situation.SamePackageInstalled => new WindowsMachine(TestPackages.Shipped, "1111111", HandSet),
            _ => new WindowsMachine(Fleet.Msi(FleetPackage.StampedA), Fleet.StampedAId, HandSet),
        };

        var outcomes = WindowsInstallerModel.InstallEveryWay(machine, TestPackages.Shipped, new Dictionary<string, string> { ["PARTNERID"] = X }, caller);

        foreach (var (reading, outcome) in outcomes)
        {
            var changed = outcome.ExitCode == 0 && outcome.Partner == X && outcome.Products == 1;
            var refused = outcome.ExitCode == 1603 && outcome.Partner == machine.Partner && outcome.Products == (machine.Package is null ? 0 : 1);
            Assert.True(changed || refused, $"{reading}: exit {outcome.ExitCode}, Partner {outcome.Partner}, {outcome.Products} product(s)");
            if (caller is Caller.ElevatedAdministrator or Caller.System)
            {
                Assert.True(changed, $"{reading}: an administrator's change was refused: {outcome.Refusal}");
            }
            else if (situation == Situation.SamePackageInstalled && refused)
            {
                Assert.StartsWith("POR1004:", outcome.Refusal, StringComparison.Ordinal);
            }
        }

        if (caller == Caller.StandardUser)
        {
            Assert.All(outcomes, o => Assert.Equal(1603, o.Outcome.ExitCode));
        }

        if (caller is Caller.StandardUser or Caller.FilteredAdministrator && situation != Situation.SamePackageInstalled)
        {
            // Not managed yet: Windows does not elevate a silent first install for them (1925 when the script starts),
            // unless PorSetup's refusal, which runs before, came first.
            Assert.All(outcomes, o => Assert.Matches("^(POR1004|Error 1925):", o.Outcome.Refusal!));
        }
    }

    /// <summary>
    /// A standard user's repair runs elevated (managed); the engine refuses it at RefuseNonAdministrator, before
    /// DecidePartnerId, whose worker would run in a process that user owns: the check never ran (it sets WritePartnerId),
    /// and a private property on the command line (AdminUser) changes nothing.
    /// </summary>
    [MsitoolsFact]
    public void AStandardUsersRepair_IsRefusedByTheEngine_BeforeAnyPorSetupCode()
    {
        var machine = new WindowsMachine(TestPackages.Shipped, "1111111");
        var repair = new Dictionary<string, string> { ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus", ["PARTNERID"] = X, ["AdminUser"] = "1" };

        var outcome = WindowsInstallerModel.Install(machine, TestPackages.Shipped, repair, Caller.StandardUser);

        Assert.Equal(1603, outcome.ExitCode);
        Assert.StartsWith("POR1004:", outcome.Refusal, StringComparison.Ordinal);
        Assert.Equal("1111111", outcome.Partner);
        Assert.False(outcome.Properties.ContainsKey(PackageProperties.WritePartnerId));
        Assert.False(outcome.Properties.ContainsKey("AdminUser"));
    }

    /// <summary>
    /// A removal runs no immediate PorSetup action, so it is never refused: an uninstall (by Group Policy, or the next
    /// version's RemoveExistingProducts) must not depend on AdminUser, which no command line can override.
    /// </summary>
    [MsitoolsFact]
    public void TheRefusals_NeverStopARemoval()
    {
        var actions = MsiTables.Read(TestPackages.Shipped, "CustomAction").Where(r => r[1] == "19").Select(r => r[0]).ToHashSet();
        var refusals = MsiTables.Read(TestPackages.Shipped, "InstallExecuteSequence").Where(r => actions.Contains(r[0])).ToList();
        var upgrade = new Dictionary<string, string> { ["REMOVE"] = "ALL", ["UPGRADINGPRODUCTCODE"] = "{00000000-0000-0000-0000-000000000000}" };
        var uninstall = new Dictionary<string, string> { ["REMOVE"] = "ALL" };
        var keeping = new Dictionary<string, string> { ["REMOVE"] = "ALL", ["UNINSTALLPARTNER"] = "Keep" };

        // RefuseInvalidUninstallPartner refuses only a choice that is none of putback, keep and delete.
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, r => Assert.False(MsiCondition.Evaluate(r[1], upgrade) || MsiCondition.Evaluate(r[1], uninstall) || MsiCondition.Evaluate(r[1], keeping), r[0]));
    }

    [MsitoolsFact]
    public void TheRefusals_RunBeforeAnyPorSetupDll_OnTheRealAdministratorCheck()
    {
        var actions = MsiTables.Read(TestPackages.Shipped, "CustomAction").ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
        var sequence = MsiTables.ReadSequence(TestPackages.Shipped, "InstallExecuteSequence");
        // msidbCustomActionTypeDll (1) in the low bits: the actions that run PorSetup's code.
        var firstDll = sequence.Where(a => actions.TryGetValue(a.Key, out var type) && (type & 0x7) == 1).Min(a => a.Value);

        Assert.True(sequence["RefuseNonAdministrator"] < firstDll);
        Assert.True(sequence["RefusePerUserInstall"] < firstDll);
        Assert.Equal("1", MsiTables.ReadProperties(TestPackages.Shipped)["MSIUSEREALADMINDETECTION"]);
    }

    /// <summary>
    /// PARTNERID is secure so that a UAC-filtered administrator's maintenance run receives it (the guard decides who
    /// may use it); nothing else that decides the value may come from a command line that is not an administrator's.
    /// </summary>
    [MsitoolsFact]
    public void OnlyTheCommandLinesId_IsSecure()
    {
        var secure = MsiTables.ReadProperties(TestPackages.Shipped)["SecureCustomProperties"].Split(';');

        Assert.Equal(["PARTNERID", "UNINSTALLPARTNER", "WIX_DOWNGRADE_DETECTED", "WIX_UPGRADE_DETECTED"], secure.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Group Policy assigns to the computer by advertising, then installs at startup as SYSTEM. Whether Installed is
    /// set then or not (the model runs both), the stamped and the transformed IDs are used, and the value found
    /// before PorSetup is remembered for the last uninstall.
    /// </summary>
    [MsitoolsTheory]
    [InlineData(FleetPackage.StampedA, Fleet.StampedAId)]
    [InlineData(FleetPackage.Transformed, Fleet.TransformId)]
    public void AComputerAssignment_InstallsItsId_WhicheverWayInstalledIsSet(FleetPackage package, string id)
    {
        var msi = Fleet.Msi(package);
        var machine = new WindowsMachine(msi, HandSet, Transform: Fleet.TransformProperties(package), Advertised: true);

        var everyWay = WindowsInstallerModel.InstallEveryWay(machine, msi, new Dictionary<string, string>(), Caller.System);
        var outcome = WindowsInstallerModel.Install(machine, msi, new Dictionary<string, string>(), Caller.System);

        Assert.Contains(everyWay, o => o.Outcome.Properties.ContainsKey("Installed"));
        Assert.Contains(everyWay, o => !o.Outcome.Properties.ContainsKey("Installed"));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(id, outcome.Partner);
        Assert.Equal(HandSet, outcome.Remembered);
        Assert.False(outcome.Properties.ContainsKey("ProductInstalled"));
    }

    [MsitoolsTheory]
    [InlineData("")]
    [InlineData("2")]
    public void APerUserInstall_IsRefused(string allUsers)
    {
        var commandLine = new Dictionary<string, string> { ["PARTNERID"] = X, ["ALLUSERS"] = allUsers, ["MSIINSTALLPERUSER"] = "1" };

        var outcome = WindowsInstallerModel.Install(WindowsMachine.Without(HandSet), TestPackages.Shipped, commandLine);

        Assert.Equal(1603, outcome.ExitCode);
        Assert.StartsWith("POR1005:", outcome.Refusal, StringComparison.Ordinal);
        Assert.Equal(HandSet, outcome.Partner);
        Assert.Equal(0, outcome.Products);
    }

    [MsitoolsFact]
    public void TheOlderChangeLine_WithoutReinstallMode_RewritesTheValueWhicheverDefaultIsRight()
    {
        var machine = new WindowsMachine(TestPackages.Shipped, "1111111");

        var outcome = WindowsInstallerModel.Install(machine, TestPackages.Shipped, new Dictionary<string, string> { ["REINSTALL"] = "ALL", ["PARTNERID"] = X });

        Assert.Equal("omus", outcome.Properties["REINSTALLMODE"]);
        Assert.Equal(X, outcome.Partner);
    }

    /// <summary>
    /// A copy with the installed product's ProductCode and another PackageCode (what porsetup stamped before it gave
    /// each copy a ProductCode of its own) is refused with 1638, unless a reinstall re-caches it ("vomus").
    /// </summary>
    [MsitoolsFact]
    public void ACopyWithTheInstalledProductCode_Gives1638_UnlessAReinstallRecachesIt()
    {
        var copy = Path.Combine(TestWorkspace.NewFolder("same-product"), "PorSetup.msi");
        File.Copy(TestPackages.Shipped, copy);
        var summary = MsiTables.ReadSummary(copy);
        Tool.RunChecked("msibuild", copy, "-s", summary["Subject"], summary["Author"], summary["Template"], $"{{{Guid.NewGuid().ToString().ToUpperInvariant()}}}");
        var machine = new WindowsMachine(TestPackages.Shipped, "1111111");

        var plain = WindowsInstallerModel.Install(machine, copy, new Dictionary<string, string> { ["PARTNERID"] = X });
        var recached = WindowsInstallerModel.Install(machine, copy, new Dictionary<string, string> { ["PARTNERID"] = X, ["REINSTALL"] = "ALL", ["REINSTALLMODE"] = "vomus" });

        Assert.Equal(1638, plain.ExitCode);
        Assert.Equal("1111111", plain.Partner);
        Assert.Equal((0, true, X), (recached.ExitCode, recached.Maintenance, recached.Partner));
    }

    /// <summary>
    /// "If you include a fourth field in your product version, the installer ignores the fourth field" (ProductVersion):
    /// PorSetup's version has three fields, and the model compares three, so 1.0.0.7 over 1.0.0.3 is the same version
    /// (replaced, as same-version upgrades are allowed), not a downgrade as a four-field comparison would make it.
    /// </summary>
    [MsitoolsFact]
    public void TheFourthVersionField_NeverTellsTwoBuildsApart()
    {
        var installed = new WindowsMachine(TestPackages.AtVersion("1.0.0.7"), "1111111");

        var outcome = WindowsInstallerModel.Install(installed, TestPackages.AtVersion("1.0.0.3"), new Dictionary<string, string> { ["PARTNERID"] = X });

        Assert.Equal(3, ProductIdentity.Version.Split('.').Length);
        Assert.Equal(WindowsInstallerModel.ComparableVersion("1.0.0.3"), WindowsInstallerModel.ComparableVersion("1.0.0.7"));
        Assert.Equal((0, 1, X), (outcome.ExitCode, outcome.Products, outcome.Partner));
        Assert.False(outcome.Properties.ContainsKey("WIX_DOWNGRADE_DETECTED"));
    }

    /// <summary>Rule 4 on Windows: the last uninstall evaluates the restore's conditions and data from the tables.</summary>
    [MsitoolsFact]
    public void TheLastUninstall_PutsBackTheValueBeforePorSetup_AndAStandardUserCannotUninstall()
    {
        var install = WindowsInstallerModel.Install(WindowsMachine.Without(HandSet), TestPackages.Shipped, new Dictionary<string, string> { ["PARTNERID"] = X });
        var installed = new WindowsMachine(TestPackages.Shipped, install.Partner, install.Remembered);

        var uninstall = WindowsInstallerModel.Uninstall(installed, TestPackages.Shipped);
        var byStandardUser = WindowsInstallerModel.Uninstall(installed, TestPackages.Shipped, Caller.StandardUser);
        var withNothingBefore = WindowsInstallerModel.Uninstall(new WindowsMachine(TestPackages.Shipped, X), TestPackages.Shipped);

        Assert.Equal(HandSet, install.Remembered);
        Assert.Equal((0, 0, HandSet), (uninstall.ExitCode, uninstall.Products, uninstall.Partner));
        Assert.Equal((1603, 1, X), (byStandardUser.ExitCode, byStandardUser.Products, byStandardUser.Partner));
        Assert.StartsWith("Error 1730:", byStandardUser.Refusal, StringComparison.Ordinal);
        Assert.Null(withNothingBefore.Partner);
    }
}
