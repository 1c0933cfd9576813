// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// One PorSetup per server, whatever mix of packages a fleet holds (docs/guide.md, "One PorSetup per server"): from a
/// starting state, one msiexec command with one package, then what is registered, the Partner value, and what an
/// uninstall of everything leaves. Each row is a real install on the test machine; the columns give Wine's outcome,
/// and the <see cref="OnWindows"/> column names the rows whose Windows outcome differs from Wine's or is reached
/// another way, which <see cref="WindowsSequenceTests"/> proves from the package's tables. On a real Windows
/// (PORSETUP_TEST_MACHINE=local) a row marked <see cref="OnWindows.UnknownProduct1605"/> expects Windows' outcome.
/// </summary>
public sealed class PackageIdentityMatrixTests
{
    /// <summary>The ID a command gives (7654321) and the one the starting states were installed with.</summary>
    private const string X = "7654321";
    private const string Id1 = "1111111";
    private const string A = Fleet.StampedAId;
    private const string B = Fleet.StampedBId;
    private const string T = Fleet.TransformId;

    /// <summary>A Partner value set by hand before PorSetup, that the last uninstall must put back exactly.</summary>
    private const string HandSet = "#12 345 Contoso";

    /// <summary>A valid ID set by hand over the one PorSetup installed: a repair keeps it.</summary>
    private const string SetSince = "2222222";

    /// <summary>A hand-edited Partner value that breaks the rule: a repair puts the installed ID back.</summary>
    private const string Broken = "12345a7";

    /// <summary>HKLM\SOFTWARE\PorSetup's value of the installed ID.</summary>
    private const string InstalledPartnerValue = "InstalledPartner";

    public enum Start
    {
        Clean,
        HandSet,
        EnUs,
        FrFr,
        StampedA,
        StampedB,
        Older,
        Newer,

        /// <summary>The shipped MSI installed with the fleet's transform (TRANSFORMS=, no PARTNERID): Partner is its ID.</summary>
        Transformed,

        /// <summary>EnUs installed with 1111111, then the Partner value deleted by hand.</summary>
        ValueDeleted,

        /// <summary>EnUs installed with 1111111, then the Partner value edited by hand to one that breaks the rule.</summary>
        ValueBroken,

        /// <summary>EnUs installed with 1111111, then the Partner value set by hand to another valid ID.</summary>
        ValueSetSince,

        /// <summary>
        /// Older installed with 1111111, without PorSetup's InstalledPartner value: the layout of the PorSetup released
        /// before that value existed.
        /// </summary>
        Released,

        /// <summary>The released layout (<see cref="Released"/>), then the Partner value deleted by hand.</summary>
        ReleasedValueDeleted,

        /// <summary>EnUs installed with 1111111 over the hand-set value, which PorSetup remembers (PreviousPartner).</summary>
        OverHandSet,
    }

    public enum Command
    {
        /// <summary>msiexec /i package /qn</summary>
        Install,

        /// <summary>msiexec /i package /qn PARTNERID=7654321: the guide's one line to set or change the ID.</summary>
        InstallWithId,

        /// <summary>msiexec /i package /qn REINSTALL=ALL REINSTALLMODE=vomus PARTNERID=7654321: the older documented change.</summary>
        ReinstallWithId,

        /// <summary>msiexec /i package /qn REINSTALL=ALL REINSTALLMODE=vomus: what /fvomus sets (Wine's /f is broken).</summary>
        Repair,

        /// <summary>msiexec /x package /qn</summary>
        Uninstall,

        /// <summary>msiexec /x package /qn UNINSTALLPARTNER=putback: the default, said.</summary>
        UninstallPutBack,

        /// <summary>msiexec /x package /qn UNINSTALLPARTNER=Keep: the Partner value stays as it is (any case).</summary>
        UninstallKeep,

        /// <summary>msiexec /x package /qn UNINSTALLPARTNER=DELETE: the Partner value is removed, nothing put back.</summary>
        UninstallDelete,

        /// <summary>msiexec /x package /qn UNINSTALLPARTNER=restore: not a choice, refused before anything changes.</summary>
        UninstallBadChoice,
    }

    public enum OnWindows
    {
        /// <summary>Windows runs the same sequence as Wine.</summary>
        Same,

        /// <summary>/i of the installed package without REINSTALL: Windows runs it in maintenance mode (Wine re-runs the install); same outcome.</summary>
        Maintenance,

        /// <summary>
        /// The package is not the installed product: Windows' msiexec /x exits 1605 and changes nothing. Wine exits 0
        /// and, where another PorSetup is installed, removes it: it runs FindRelatedProducts, which Windows runs only
        /// for a first install, and RemoveExistingProducts then removes the related product.
        /// </summary>
        UnknownProduct1605,
    }

    public static TheoryData<Start, FleetPackage, Command, int, int, string?, string?, OnWindows> Rows => new()
    {
        // start          package                 command                 exit  products  Partner  after /x   on Windows
        { Start.Clean,    FleetPackage.EnUs,      Command.Install,         1603, 0,       null,    null,      OnWindows.Same },
        { Start.Clean,    FleetPackage.EnUs,      Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },
        { Start.Clean,    FleetPackage.EnUs,      Command.ReinstallWithId, 0,    1,       X,       null,      OnWindows.Same },
        { Start.Clean,    FleetPackage.EnUs,      Command.Repair,          1603, 0,       null,    null,      OnWindows.Same },
        { Start.Clean,    FleetPackage.EnUs,      Command.Uninstall,       0,    0,       null,    null,      OnWindows.UnknownProduct1605 },
        { Start.Clean,    FleetPackage.StampedA,  Command.Install,         0,    1,       A,       null,      OnWindows.Same },
        { Start.Clean,    FleetPackage.StampedA,  Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },
        { Start.Clean,    FleetPackage.FrFr,      Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },

        { Start.HandSet,  FleetPackage.EnUs,      Command.Install,         1603, 0,       HandSet, HandSet,   OnWindows.Same },
        { Start.HandSet,  FleetPackage.EnUs,      Command.InstallWithId,   0,    1,       X,       HandSet,   OnWindows.Same },
        { Start.HandSet,  FleetPackage.EnUs,      Command.ReinstallWithId, 0,    1,       X,       HandSet,   OnWindows.Same },
        { Start.HandSet,  FleetPackage.EnUs,      Command.Repair,          1603, 0,       HandSet, HandSet,   OnWindows.Same },
        { Start.HandSet,  FleetPackage.EnUs,      Command.Uninstall,       0,    0,       HandSet, HandSet,   OnWindows.UnknownProduct1605 },
        { Start.HandSet,  FleetPackage.StampedA,  Command.Install,         0,    1,       A,       HandSet,   OnWindows.Same },

        { Start.EnUs,     FleetPackage.EnUs,      Command.Install,         0,    1,       Id1,     null,      OnWindows.Maintenance },
        { Start.EnUs,     FleetPackage.EnUs,      Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Maintenance },
        { Start.EnUs,     FleetPackage.EnUs,      Command.ReinstallWithId, 0,    1,       X,       null,      OnWindows.Same },
        { Start.EnUs,     FleetPackage.EnUs,      Command.Repair,          0,    1,       Id1,     null,      OnWindows.Same },
        { Start.EnUs,     FleetPackage.EnUs,      Command.Uninstall,       0,    0,       null,    null,      OnWindows.Same },
        { Start.EnUs,     FleetPackage.FrFr,      Command.Install,         0,    1,       Id1,     null,      OnWindows.Same },
        { Start.EnUs,     FleetPackage.FrFr,      Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },
        { Start.EnUs,     FleetPackage.StampedA,  Command.Install,         0,    1,       A,       null,      OnWindows.Same },
        { Start.EnUs,     FleetPackage.StampedA,  Command.Repair,          0,    1,       A,       null,      OnWindows.Same },
        { Start.EnUs,     FleetPackage.Older,     Command.InstallWithId,   1603, 1,       Id1,     null,      OnWindows.Same },
        { Start.EnUs,     FleetPackage.Newer,     Command.Install,         0,    1,       Id1,     null,      OnWindows.Same },

        { Start.FrFr,     FleetPackage.EnUs,      Command.Install,         0,    1,       Id1,     null,      OnWindows.Same },
        { Start.FrFr,     FleetPackage.EnUs,      Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },
        { Start.FrFr,     FleetPackage.EnUs,      Command.ReinstallWithId, 0,    1,       X,       null,      OnWindows.Same },
        { Start.FrFr,     FleetPackage.EnUs,      Command.Repair,          0,    1,       Id1,     null,      OnWindows.Same },
        { Start.FrFr,     FleetPackage.EnUs,      Command.Uninstall,       0,    0,       null,    null,      OnWindows.UnknownProduct1605 },

        { Start.StampedA, FleetPackage.EnUs,      Command.Install,         0,    1,       A,       null,      OnWindows.Same },
        { Start.StampedA, FleetPackage.EnUs,      Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },
        { Start.StampedA, FleetPackage.EnUs,      Command.ReinstallWithId, 0,    1,       X,       null,      OnWindows.Same },
        { Start.StampedA, FleetPackage.EnUs,      Command.Repair,          0,    1,       A,       null,      OnWindows.Same },
        { Start.StampedA, FleetPackage.EnUs,      Command.Uninstall,       0,    0,       null,    null,      OnWindows.UnknownProduct1605 },
        { Start.StampedA, FleetPackage.StampedA,  Command.Install,         0,    1,       A,       null,      OnWindows.Maintenance },
        { Start.StampedA, FleetPackage.StampedA,  Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Maintenance },
        { Start.StampedA, FleetPackage.StampedA,  Command.Repair,          0,    1,       A,       null,      OnWindows.Same },
        { Start.StampedA, FleetPackage.StampedA,  Command.Uninstall,       0,    0,       null,    null,      OnWindows.Same },
        { Start.StampedA, FleetPackage.StampedB,  Command.Install,         0,    1,       B,       null,      OnWindows.Same },

        { Start.StampedB, FleetPackage.StampedA,  Command.Install,         0,    1,       A,       null,      OnWindows.Same },
        { Start.StampedB, FleetPackage.StampedA,  Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },
        { Start.StampedB, FleetPackage.StampedA,  Command.ReinstallWithId, 0,    1,       X,       null,      OnWindows.Same },

        { Start.Older,    FleetPackage.EnUs,      Command.Install,         0,    1,       Id1,     null,      OnWindows.Same },
        { Start.Older,    FleetPackage.EnUs,      Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },
        { Start.Older,    FleetPackage.EnUs,      Command.ReinstallWithId, 0,    1,       X,       null,      OnWindows.Same },
        { Start.Older,    FleetPackage.EnUs,      Command.Repair,          0,    1,       Id1,     null,      OnWindows.Same },
        { Start.Older,    FleetPackage.StampedA,  Command.Install,         0,    1,       A,       null,      OnWindows.Same },

        { Start.Newer,    FleetPackage.EnUs,      Command.Install,         1603, 1,       Id1,     null,      OnWindows.Same },
        { Start.Newer,    FleetPackage.EnUs,      Command.InstallWithId,   1603, 1,       Id1,     null,      OnWindows.Same },
        { Start.Newer,    FleetPackage.EnUs,      Command.ReinstallWithId, 1603, 1,       Id1,     null,      OnWindows.Same },
        { Start.Newer,    FleetPackage.EnUs,      Command.Repair,          1603, 1,       Id1,     null,      OnWindows.Same },
        { Start.Newer,    FleetPackage.StampedA,  Command.Install,         1603, 1,       Id1,     null,      OnWindows.Same },

        // Every other package of the fleet with every command, from a state where it matters.
        { Start.StampedA, FleetPackage.FrFr,      Command.ReinstallWithId, 0,    1,       X,       null,      OnWindows.Same },
        { Start.EnUs,     FleetPackage.FrFr,      Command.Repair,          0,    1,       Id1,     null,      OnWindows.Same },
        { Start.FrFr,     FleetPackage.FrFr,      Command.Install,         0,    1,       Id1,     null,      OnWindows.Maintenance },
        { Start.FrFr,     FleetPackage.FrFr,      Command.Uninstall,       0,    0,       null,    null,      OnWindows.Same },
        { Start.Clean,    FleetPackage.Older,     Command.Install,         1603, 0,       null,    null,      OnWindows.Same },
        { Start.Newer,    FleetPackage.Older,     Command.Install,         1603, 1,       Id1,     null,      OnWindows.Same },
        { Start.Older,    FleetPackage.Older,     Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Maintenance },
        { Start.Older,    FleetPackage.Older,     Command.Repair,          0,    1,       Id1,     null,      OnWindows.Same },
        { Start.Older,    FleetPackage.Older,     Command.Uninstall,       0,    0,       null,    null,      OnWindows.Same },
        { Start.HandSet,  FleetPackage.Newer,     Command.Install,         1603, 0,       HandSet, HandSet,   OnWindows.Same },
        { Start.HandSet,  FleetPackage.Newer,     Command.InstallWithId,   0,    1,       X,       HandSet,   OnWindows.Same },
        { Start.StampedA, FleetPackage.Newer,     Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },
        { Start.Older,    FleetPackage.Newer,     Command.ReinstallWithId, 0,    1,       X,       null,      OnWindows.Same },
        { Start.FrFr,     FleetPackage.Newer,     Command.Repair,          0,    1,       Id1,     null,      OnWindows.Same },
        { Start.Newer,    FleetPackage.Newer,     Command.Install,         0,    1,       Id1,     null,      OnWindows.Maintenance },
        { Start.Newer,    FleetPackage.Newer,     Command.Uninstall,       0,    0,       null,    null,      OnWindows.Same },
        { Start.Clean,    FleetPackage.StampedB,  Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },
        { Start.HandSet,  FleetPackage.StampedB,  Command.Repair,          0,    1,       B,       HandSet,   OnWindows.Same },
        { Start.StampedB, FleetPackage.StampedB,  Command.Repair,          0,    1,       B,       null,      OnWindows.Same },
        { Start.StampedB, FleetPackage.StampedB,  Command.Uninstall,       0,    0,       null,    null,      OnWindows.Same },
        { Start.Newer,    FleetPackage.StampedB,  Command.Install,         1603, 1,       Id1,     null,      OnWindows.Same },
        { Start.StampedB, FleetPackage.EnUs,      Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Same },

        // The French build with the older and newer versions, and with the stamped copies.
        { Start.FrFr,     FleetPackage.Newer,     Command.Install,         0,    1,       Id1,     null,      OnWindows.Same },
        { Start.FrFr,     FleetPackage.Older,     Command.InstallWithId,   1603, 1,       Id1,     null,      OnWindows.Same },
        { Start.Older,    FleetPackage.FrFr,      Command.Install,         0,    1,       Id1,     null,      OnWindows.Same },
        { Start.Newer,    FleetPackage.FrFr,      Command.InstallWithId,   1603, 1,       Id1,     null,      OnWindows.Same },
        { Start.FrFr,     FleetPackage.StampedA,  Command.Install,         0,    1,       A,       null,      OnWindows.Same },
        { Start.HandSet,  FleetPackage.FrFr,      Command.Install,         1603, 0,       HandSet, HandSet,   OnWindows.Same },
        { Start.Clean,    FleetPackage.StampedB,  Command.Install,         0,    1,       B,       null,      OnWindows.Same },

        // A transform's ID is used when the package is new on the machine, never again: Windows applies the
        // transform registered with a product at every maintenance operation, and a repair must keep the ID.
        { Start.Clean,    FleetPackage.Transformed, Command.Install,       0,    1,       T,       null,      OnWindows.Same },
        { Start.Clean,    FleetPackage.Transformed, Command.InstallWithId, 0,    1,       X,       null,      OnWindows.Same },
        { Start.HandSet,  FleetPackage.Transformed, Command.Install,       0,    1,       T,       HandSet,   OnWindows.Same },
        { Start.EnUs,     FleetPackage.Transformed, Command.Install,       0,    1,       Id1,     null,      OnWindows.Maintenance },
        { Start.EnUs,     FleetPackage.Transformed, Command.Repair,        0,    1,       Id1,     null,      OnWindows.Same },
        { Start.StampedA, FleetPackage.Transformed, Command.Install,       0,    1,       T,       null,      OnWindows.Same },
        { Start.Older,    FleetPackage.Transformed, Command.Install,       0,    1,       T,       null,      OnWindows.Same },
        { Start.Newer,    FleetPackage.Transformed, Command.Install,       1603, 1,       Id1,     null,      OnWindows.Same },
        { Start.FrFr,     FleetPackage.Transformed, Command.Uninstall,     0,    0,       null,    null,      OnWindows.UnknownProduct1605 },
        { Start.Transformed, FleetPackage.EnUs,   Command.Install,         0,    1,       T,       null,      OnWindows.Maintenance },
        { Start.Transformed, FleetPackage.EnUs,   Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Maintenance },
        { Start.Transformed, FleetPackage.EnUs,   Command.ReinstallWithId, 0,    1,       X,       null,      OnWindows.Same },
        { Start.Transformed, FleetPackage.EnUs,   Command.Repair,          0,    1,       T,       null,      OnWindows.Same },
        { Start.Transformed, FleetPackage.EnUs,   Command.Uninstall,       0,    0,       null,    null,      OnWindows.Same },
        { Start.Transformed, FleetPackage.Transformed, Command.Install,    0,    1,       T,       null,      OnWindows.Maintenance },
        { Start.Transformed, FleetPackage.Transformed, Command.Repair,     0,    1,       T,       null,      OnWindows.Same },
        { Start.Transformed, FleetPackage.FrFr,   Command.Install,         0,    1,       T,       null,      OnWindows.Same },
        { Start.Transformed, FleetPackage.StampedA, Command.Install,       0,    1,       A,       null,      OnWindows.Same },
        { Start.Transformed, FleetPackage.Newer,  Command.Repair,          0,    1,       T,       null,      OnWindows.Same },

        // A repair repairs: a deleted or broken value gets the installed ID back at a repair, a re-run or Group Policy
        // redeploy (Windows: maintenance mode, which DecidePartnerId's WritePartnerId turns into a reinstall) and an
        // upgrade; a valid value set by hand since is kept; a given PARTNERID still wins.
        { Start.ValueDeleted, FleetPackage.EnUs,  Command.Repair,          0,    1,       Id1,     null,      OnWindows.Same },
        { Start.ValueDeleted, FleetPackage.EnUs,  Command.Install,         0,    1,       Id1,     null,      OnWindows.Maintenance },
        { Start.ValueDeleted, FleetPackage.EnUs,  Command.InstallWithId,   0,    1,       X,       null,      OnWindows.Maintenance },
        { Start.ValueDeleted, FleetPackage.Newer, Command.Install,         0,    1,       Id1,     null,      OnWindows.Same },
        { Start.ValueDeleted, FleetPackage.FrFr,  Command.Install,         0,    1,       Id1,     null,      OnWindows.Same },
        { Start.ValueDeleted, FleetPackage.EnUs,  Command.Uninstall,       0,    0,       null,    null,      OnWindows.Same },
        { Start.ValueBroken,  FleetPackage.EnUs,  Command.Repair,          0,    1,       Id1,     null,      OnWindows.Same },
        { Start.ValueBroken,  FleetPackage.EnUs,  Command.Install,         0,    1,       Id1,     null,      OnWindows.Maintenance },
        { Start.ValueBroken,  FleetPackage.Newer, Command.Install,         0,    1,       Id1,     null,      OnWindows.Same },
        { Start.ValueSetSince, FleetPackage.EnUs, Command.Repair,          0,    1,       SetSince, null,     OnWindows.Same },
        { Start.ValueSetSince, FleetPackage.EnUs, Command.Install,         0,    1,       SetSince, null,     OnWindows.Maintenance },
        { Start.ValueSetSince, FleetPackage.Newer, Command.Install,        0,    1,       SetSince, null,     OnWindows.Same },

        // Upgrading the released layout (no InstalledPartner): a valid value is kept; a deleted one has nothing to
        // come back from, and the upgrade is refused before anything changes (POR1001: give PARTNERID).
        { Start.Released, FleetPackage.EnUs,      Command.Install,         0,    1,       Id1,     null,      OnWindows.Same },
        { Start.ReleasedValueDeleted, FleetPackage.EnUs, Command.Install,  1603, 1,       null,    null,      OnWindows.Same },
        { Start.ReleasedValueDeleted, FleetPackage.EnUs, Command.InstallWithId, 0, 1,     X,       null,      OnWindows.Same },

        // The uninstall's choice (UNINSTALLPARTNER, any case): put back the value before PorSetup (the default), keep
        // the value as it is, delete it; anything else is refused and changes nothing.
        { Start.OverHandSet, FleetPackage.EnUs,   Command.Uninstall,       0,    0,       HandSet, HandSet,   OnWindows.Same },
        { Start.OverHandSet, FleetPackage.EnUs,   Command.UninstallPutBack, 0,   0,       HandSet, HandSet,   OnWindows.Same },
        { Start.OverHandSet, FleetPackage.EnUs,   Command.UninstallKeep,   0,    0,       Id1,     Id1,       OnWindows.Same },
        { Start.OverHandSet, FleetPackage.EnUs,   Command.UninstallDelete, 0,    0,       null,    null,      OnWindows.Same },
        { Start.OverHandSet, FleetPackage.EnUs,   Command.UninstallBadChoice, 1603, 1,    Id1,     HandSet,   OnWindows.Same },
        { Start.ValueSetSince, FleetPackage.EnUs, Command.UninstallKeep,   0,    0,       SetSince, SetSince, OnWindows.Same },
        { Start.EnUs,     FleetPackage.EnUs,      Command.UninstallDelete, 0,    0,       null,    null,      OnWindows.Same },
        { Start.ValueDeleted, FleetPackage.EnUs,  Command.UninstallKeep,   0,    0,       null,    null,      OnWindows.Same },
    };

    [MachineTheory]
    [MemberData(nameof(Rows))]
    public void OneCommand_FromAStartingState(
        Start start, FleetPackage package, Command command, int exitCode, int products, string? partner, string? afterUninstall, OnWindows onWindows)
    {
        using var machine = TestMachine.Create();
        Arrange(machine, start);
        if (!machine.IsWine && onWindows == OnWindows.UnknownProduct1605)
        {
            // Windows' outcome: 1605, and the machine as it was (Wine's is the row's, reached as the column says).
            (exitCode, products, partner) = ((int)MsiExecReturnCode.ERROR_UNKNOWN_PRODUCT, machine.PorSetupProductCodes().Count, machine.Registry.Partner);
        }

        var result = new PackageInstaller(machine, Fleet.Msi(package)).Run(Switch(command), [.. Properties(command), .. Transforms(machine, package)]);

        Assert.True(result.ExitCode == exitCode, $"exit code {result.ExitCode}, expected {exitCode}. Log:\n{Tail(result.Log)}");
        var registered = machine.PorSetupProductCodes();
        var written = machine.Registry.Partner;
        Assert.True(
            registered.Count == products && written == partner,
            $"{registered.Count} products with Partner {written ?? "(none)"}, expected {products} with {partner ?? "(none)"}. Log:\n{Tail(result.Log)}");
        UninstallEverything(machine, registered);
        Assert.Empty(machine.PorSetupProductCodes());
        Assert.Equal(afterUninstall, machine.Registry.Partner);
    }

    /// <summary>The rows that say how Windows differs, for <see cref="WindowsSequenceTests"/>.</summary>
    public static IEnumerable<(Start Start, FleetPackage Package, Command Command, OnWindows OnWindows)> WindowsRows() =>
        Rows.Select(row => ((Start)row.Data.Item1, (FleetPackage)row.Data.Item2, (Command)row.Data.Item3, (OnWindows)row.Data.Item8));

    private static void Arrange(TestMachine machine, Start start)
    {
        switch (start)
        {
            case Start.Clean:
                return;
            case Start.HandSet:
                machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, HandSet);
                return;
            case Start.StampedA or Start.StampedB or Start.Transformed:
                new PackageInstaller(machine, Fleet.Msi(Installed(start))).InstallProduct(MsiExecReturnCode.SUCCESS, Transforms(machine, Installed(start)));
                return;
            case Start.OverHandSet:
                machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, HandSet);
                new PackageInstaller(machine, Fleet.Msi(Installed(start))).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id1}");
                return;
            case Start.ValueDeleted or Start.ValueBroken or Start.ValueSetSince or Start.Released or Start.ReleasedValueDeleted:
                new PackageInstaller(machine, Fleet.Msi(Installed(start))).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id1}");
                ChangeByHand(machine, start);
                return;
            default:
                new PackageInstaller(machine, Fleet.Msi(Installed(start))).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id1}");
                return;
        }
    }

    private static FleetPackage Installed(Start start) => start switch
    {
        Start.EnUs => FleetPackage.EnUs,
        Start.FrFr => FleetPackage.FrFr,
        Start.StampedA => FleetPackage.StampedA,
        Start.StampedB => FleetPackage.StampedB,
        Start.Older => FleetPackage.Older,
        Start.Newer => FleetPackage.Newer,
        Start.Transformed => FleetPackage.Transformed,
        Start.ValueDeleted or Start.ValueBroken or Start.ValueSetSince or Start.OverHandSet => FleetPackage.EnUs,
        Start.Released or Start.ReleasedValueDeleted => FleetPackage.Older,
        _ => throw new ArgumentOutOfRangeException(nameof(start)),
    };

    // What an administrator (or the released layout) changed after the install.
    private static void ChangeByHand(TestMachine machine, Start start)
    {
        switch (start)
        {
            case Start.ValueDeleted:
                machine.Registry.Delete(MachineRegistry.MsoKey, MachineRegistry.PartnerValue);
                return;
            case Start.ValueBroken:
                machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, Broken);
                return;
            case Start.ValueSetSince:
                machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, SetSince);
                return;
            case Start.Released:
                machine.Registry.Delete(MachineRegistry.PorSetupKey, InstalledPartnerValue);
                return;
            case Start.ReleasedValueDeleted:
                machine.Registry.Delete(MachineRegistry.PorSetupKey, InstalledPartnerValue);
                machine.Registry.Delete(MachineRegistry.MsoKey, MachineRegistry.PartnerValue);
                return;
        }
    }

    /// <summary>TRANSFORMS=, for the package that comes with a transform.</summary>
    private static string[] Transforms(TestMachine machine, FleetPackage package) =>
        Fleet.Transform(package) is { } mst ? [$"TRANSFORMS={machine.WindowsPath(mst)}"] : [];

    private static string Switch(Command command) => IsUninstall(command) ? "/x" : "/i";

    private static string[] Properties(Command command) => command switch
    {
        Command.UninstallPutBack => ["UNINSTALLPARTNER=putback"],
        Command.UninstallKeep => ["UNINSTALLPARTNER=Keep"],
        Command.UninstallDelete => ["UNINSTALLPARTNER=DELETE"],
        Command.UninstallBadChoice => ["UNINSTALLPARTNER=restore"],
        Command.InstallWithId => [$"PARTNERID={X}"],
        Command.ReinstallWithId => ["REINSTALL=ALL", "REINSTALLMODE=vomus", $"PARTNERID={X}"],
        Command.Repair => ["REINSTALL=ALL", "REINSTALLMODE=vomus"],
        _ => [],
    };

    private static void UninstallEverything(TestMachine machine, IEnumerable<string> productCodes)
    {
        foreach (var productCode in productCodes)
        {
            new PackageInstaller(machine, Fleet.MsiOfProduct(productCode)).UninstallProduct(MsiExecReturnCode.SUCCESS);
        }
    }

    /// <summary>msiexec /x, with or without an uninstall choice.</summary>
    public static bool IsUninstall(Command command) =>
        command is Command.Uninstall or Command.UninstallPutBack or Command.UninstallKeep or Command.UninstallDelete or Command.UninstallBadChoice;

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];
}
