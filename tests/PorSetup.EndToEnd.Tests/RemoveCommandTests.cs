// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// `porsetup.exe remove` on a server: every product with PorSetup's UpgradeCode uninstalled by the test machine's own
/// msiexec (/x {ProductCode} /qn /norestart /l*v log UNINSTALLPARTNER=choice), with msiexec's exit code passed through.
/// porsetup.exe is run from cmd.exe, which sees that whole exit code (wine's own is 8 bits).
/// </summary>
public sealed class RemoveCommandTests
{
    private const string Id = "1234567";
    private const string HandSet = "7777777";

    [MachineFact]
    public void NothingInstalled_SaysSo_Exit10()
    {
        using var machine = TestMachine.Create();

        var (exitCode, output) = new PorSetupExe(machine).RunFromCmd("remove");

        Assert.True(exitCode == 10, output);
        Assert.Contains($"No PorSetup is installed (no product with the UpgradeCode {InstalledProducts.UpgradeCode}): nothing to remove.", output, StringComparison.Ordinal);
    }

    [MachineFact]
    public void ByDefault_PutsBackTheValueFromBeforePorSetup_AndPrintsItsLog()
    {
        using var machine = InstalledOverAHandSetValue();

        var (exitCode, output) = new PorSetupExe(machine).RunFromCmd("remove");

        Assert.True(exitCode == 0, output);
        Assert.Equal(HandSet, machine.Registry.Partner);
        Assert.Empty(machine.PorSetupProductCodes());
        Assert.Contains($"Removing PorSetup {TestPackages.ShippedVersion} {InstalledProducts.ProductCode(TestPackages.Shipped)} (UNINSTALLPARTNER=putback)...", output, StringComparison.Ordinal);
        Assert.Contains($"Partner value now: {HandSet} (REG_SZ)", output, StringComparison.Ordinal);

        // The default log: PorSetup-remove-<date>-<time>.log in the temporary folder, printed, and msiexec wrote it.
        var log = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("msiexec's log: ", StringComparison.Ordinal))["msiexec's log: ".Length..];
        Assert.Matches(@"\\PorSetup-remove-\d{8}-\d{6}\.log$", log);
        var hostLog = machine.HostPath(log);
        try
        {
            Assert.Contains(InstalledProducts.ProductCode(TestPackages.Shipped), File.ReadAllText(hostLog), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(hostLog);
        }
    }

    [MachineFact]
    public void RemovesTheProduct_WhateverPackageInstalledIt()
    {
        var french = TestPackages.InCulture("fr-FR");
        using var machine = TestMachine.Create();
        new PackageInstaller(machine, french).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}");

        var output = RemoveWithLog(machine);

        Assert.Contains(InstalledProducts.ProductCode(french), output, StringComparison.Ordinal);
        Assert.Null(machine.Registry.Partner);
    }

    // Contract 2: UNINSTALLPARTNER=keep leaves the value as it is at uninstall, the earlier one does not come back.
    [MachineFact]
    public void Keep_LeavesTheCurrentValue()
    {
        using var machine = InstalledOverAHandSetValue();

        var output = RemoveWithLog(machine, "--partner", "keep");

        Assert.Contains("(UNINSTALLPARTNER=keep)", output, StringComparison.Ordinal);
        Assert.Equal(Id, machine.Registry.Partner);
    }

    // Contract 2: UNINSTALLPARTNER=delete removes the value, and never puts back the earlier one.
    [MachineFact]
    public void Delete_RemovesTheValue_AndPutsNothingBack()
    {
        using var machine = InstalledOverAHandSetValue();

        var output = RemoveWithLog(machine, "--partner", "delete");

        Assert.Null(machine.Registry.Partner);
        Assert.Contains("Partner value now: none", output, StringComparison.Ordinal);
    }

    // msiexec's exit code is passed through. On Windows a log msiexec cannot open (here: a folder) fails it with
    // 1622, "There was an error opening installation log file", before anything is removed; Wine's msiexec ignores
    // the log and uninstalls (measured: 0). Windows-only, not run here.
    [MachineFact]
    public void MsiexecsExitCode_IsPassedThrough()
    {
        using var machine = TestMachine.Create();
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}");
        if (!machine.IsWine)
        {
            WineRehearsal.SkipWhereWineDiffers("Wine's msiexec uninstalls when it cannot open its log; Windows' returns 1622");
        }

        var (exitCode, output) = new PorSetupExe(machine).RunFromCmd("remove", "--log", machine.WindowsPath(Path.Combine(machine.Root, "tmp")));

        Assert.True(exitCode == machine.Expected(0, 1622), output);
        Assert.Contains($"msiexec returned {exitCode}", output, StringComparison.Ordinal);
        Assert.Equal(machine.Expected(0, 1), machine.PorSetupProductCodes().Count);
    }

    private static TestMachine InstalledOverAHandSetValue()
    {
        var machine = TestMachine.Create();
        try
        {
            machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, HandSet);
            new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}");
            return machine;
        }
        catch
        {
            machine.Dispose();
            throw;
        }
    }

    // porsetup remove with a log of the test's own, which it must write; the product must be gone.
    private static string RemoveWithLog(TestMachine machine, params string[] options)
    {
        var log = Path.Combine(machine.Root, "tmp", "remove.log");
        var (exitCode, output) = new PorSetupExe(machine).RunFromCmd(["remove", .. options, "--log", machine.WindowsPath(log)]);

        Assert.True(exitCode == 0, output);
        Assert.Empty(machine.PorSetupProductCodes());
        Assert.True(File.Exists(log), output);
        return output;
    }
}
