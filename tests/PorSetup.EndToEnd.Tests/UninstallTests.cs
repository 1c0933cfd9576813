// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>Uninstall removes what PorSetup wrote, and only that.</summary>
public sealed class UninstallTests
{
    [Fact]
    public void Uninstall_RemovesTheValueAndTheKeysItCreated()
    {
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Null(prefix.Registry.Partner);
        Assert.False(prefix.Registry.KeyExists(WineRegistry.MsoKey));
        Assert.False(prefix.IsInstalled(TestPackages.Shipped));
    }

    [Fact]
    public void Uninstall_LeavesOtherValuesOfTheKeyAlone()
    {
        using var prefix = WinePrefix.Create();
        prefix.Registry.SetString(WineRegistry.MsoKey, "Other", "kept");
        var product = new PackageInstaller(prefix, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Null(prefix.Registry.Partner);
        Assert.Equal("kept", prefix.Registry.GetString(WineRegistry.MsoKey, "Other"));
    }

    [Fact]
    public void Uninstall_DoesNotAskForAPartnerId()
    {
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        var result = product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.DoesNotContain("POR100", result.Log, StringComparison.Ordinal);
    }
}
