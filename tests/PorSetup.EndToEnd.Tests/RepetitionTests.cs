// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>Repeated and redundant work ends in the expected state and leaves nothing behind.</summary>
public sealed class RepetitionTests
{
    [Fact]
    public void InstallingTheSameVersionTwice_Succeeds_AndUninstallLeavesNothing()
    {
        using var prefix = WinePrefix.Create();
        var before = MachineSnapshot.Take(prefix);
        var product = new PackageInstaller(prefix, TestPackages.Shipped);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        Assert.Equal("1234567", prefix.Registry.Partner);
        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        MachineSnapshot.Take(prefix).AssertUnchangedSince(before);
    }

    [Fact]
    public void UpgradingTwice_EndsWithTheNewestVersionOnly()
    {
        using var prefix = WinePrefix.Create();
        var first = TestPackages.AtVersion("0.8.0");
        var second = TestPackages.AtVersion("0.9.0");
        new PackageInstaller(prefix, first).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(prefix, second).InstallProduct(MsiExecReturnCode.SUCCESS);
        new PackageInstaller(prefix, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("1234567", prefix.Registry.Partner);
        Assert.False(prefix.IsInstalled(first));
        Assert.False(prefix.IsInstalled(second));
        Assert.True(prefix.IsInstalled(TestPackages.Shipped));
    }

    [Fact]
    public void UninstallingAProductThatIsNotInstalled_ChangesNothing()
    {
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        product.UninstallProduct(MsiExecReturnCode.SUCCESS);
        var before = MachineSnapshot.Take(prefix);

        var result = product.Run("/x");

        // Windows answers 1605 (ERROR_UNKNOWN_PRODUCT); Wine runs an empty removal and answers 0.
        Assert.Contains(result.ExitCode, new[] { (int)MsiExecReturnCode.ERROR_UNKNOWN_PRODUCT, (int)MsiExecReturnCode.SUCCESS });
        MachineSnapshot.Take(prefix).AssertUnchangedSince(before);
    }

    /// <remarks>
    /// The custom action runs its C# code in a worker process and deletes it afterwards, so that nothing keeps the
    /// installer's temporary copy of the DLL loaded (docs/custom-action.md). Every kind of call is made here:
    /// immediate (accepting and refusing), deferred (restoring a previous value at uninstall, failing on purpose)
    /// and rollback.
    /// </remarks>
    [Fact]
    public void EveryKindOfCustomActionCall_LeavesNothingInTemp()
    {
        using var prefix = WinePrefix.Create();
        prefix.Registry.SetString(WineRegistry.MsoKey, WineRegistry.PartnerValue, "1111111");
        var before = MachineSnapshot.Take(prefix);
        var product = new PackageInstaller(prefix, TestPackages.FailingWhenDeferred);

        product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=12a");
        product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=1234567", "PORSETUPFAILWHENDEFERRED=1");
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        product.RepairProduct(MsiExecReturnCode.SUCCESS);
        var uninstall = product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Contains("PorSetup: restored Partner value 1111111", uninstall.Log, StringComparison.Ordinal);
        Assert.Empty(MachineSnapshot.CustomActionTemporaryFiles(prefix));
        MachineSnapshot.Take(prefix).AssertUnchangedSince(before);
    }

    [Fact]
    public void TwentyInstallUninstallCycles_LeaveNoRegistryResidueAndNoFiles()
    {
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, TestPackages.Shipped);
        var before = MachineSnapshot.Take(prefix);

        for (var cycle = 0; cycle < 20; cycle++)
        {
            product.InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={1000000 + cycle}");
            product.UninstallProduct(MsiExecReturnCode.SUCCESS);
        }

        MachineSnapshot.Take(prefix).AssertUnchangedSince(before);
    }
}
