// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// An install that fails after the registry was written (PORSETUPFAILWHENDEFERRED=1, honoured only by the
/// FailingWhenDeferred package the tests build for themselves) is rolled back: no registered product, no new keys,
/// no stray files.
/// </summary>
public sealed class FaultTests
{
    [Fact]
    public void FailureAfterTheWrite_OnACleanServer_LeavesNothingBehind()
    {
        using var prefix = WinePrefix.Create();
        var before = MachineSnapshot.Take(prefix);
        var product = new PackageInstaller(prefix, TestPackages.FailingWhenDeferred);

        var result = product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=1234567", "PORSETUPFAILWHENDEFERRED=1");

        Assert.Contains("FailWhenDeferred", result.Log, StringComparison.Ordinal);
        Assert.False(prefix.IsInstalled(TestPackages.FailingWhenDeferred));
        MachineSnapshot.Take(prefix).AssertUnchangedSince(before);
    }

    /// <remarks>
    /// Windows' rollback restores the value the install overwrote. Wine's own registry rollback deletes it instead
    /// (see docs/wine-and-windows.md); PorSetup's rollback action (RollbackPartnerValue) puts it back, so the
    /// result is the same on both.
    /// </remarks>
    [Fact]
    public void FailureAfterTheWrite_OverAHandSetValue_PutsThePreviousValueBack()
    {
        using var prefix = WinePrefix.Create();
        prefix.Registry.SetString(WineRegistry.MsoKey, WineRegistry.PartnerValue, "1111111");
        var before = MachineSnapshot.Take(prefix);
        var product = new PackageInstaller(prefix, TestPackages.FailingWhenDeferred);

        product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=1234567", "PORSETUPFAILWHENDEFERRED=1");

        Assert.Equal("1111111", prefix.Registry.Partner);
        Assert.False(prefix.IsInstalled(TestPackages.FailingWhenDeferred));
        MachineSnapshot.Take(prefix).AssertUnchangedSince(before);
    }

    [Fact]
    public void TheFaultProperty_IsIgnoredAtUninstall()
    {
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, TestPackages.FailingWhenDeferred);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.UninstallProduct(MsiExecReturnCode.SUCCESS, "PORSETUPFAILWHENDEFERRED=1");

        Assert.False(prefix.IsInstalled(TestPackages.FailingWhenDeferred));
    }

    /// <remarks>
    /// The check runs as a worker program that the custom action writes to a new folder under %TEMP%
    /// (docs/custom-action.md). When it cannot, here because %TEMP% is so long that the worker's path would pass
    /// MAX_PATH, the install fails before any change and the log names the step and the Win32 error
    /// (206, ERROR_FILENAME_EXCED_RANGE).
    /// </remarks>
    [Fact]
    public void WhenTheCheckCannotStart_TheInstallFails_SaysWhy_AndChangesNothing()
    {
        using var prefix = WinePrefix.Create();
        prefix.Registry.SetString(WineRegistry.MsoKey, WineRegistry.PartnerValue, "1111111");
        var longTemp = Path.Combine("long", new string('x', 100), new string('y', 100));
        Directory.CreateDirectory(Path.Combine(prefix.DriveC, longTemp));
        var before = MachineSnapshot.Take(prefix);
        var product = new PackageInstaller(prefix, TestPackages.Shipped);
        product.Environment["TEMP"] = product.Environment["TMP"] = @"C:\" + longTemp.Replace('/', '\\');

        var result = product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=1234567");

        Assert.Contains("PorSetup: the custom action could not run: Creating the worker's temporary folder failed with Win32 error 206.", result.Log, StringComparison.Ordinal);
        Assert.Equal("1111111", prefix.Registry.Partner);
        Assert.False(prefix.IsInstalled(TestPackages.Shipped));
        MachineSnapshot.Take(prefix).AssertUnchangedSince(before);
    }
}
