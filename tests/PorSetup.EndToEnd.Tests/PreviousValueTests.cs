// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// A Partner value that was on the server before PorSetup (typed into regedit, say) is remembered at the first
/// install and put back at uninstall, by a deferred custom action that receives it through CustomActionData.
/// </summary>
public sealed class PreviousValueTests
{
    private const string HandSetId = "1111111";
    private const string PorSetupKey = @"HKLM\SOFTWARE\PorSetup";

    [Fact]
    public void Uninstall_PutsBackTheValueThatWasThereBeforeTheInstall()
    {
        using var prefix = WinePrefix.Create();
        prefix.Registry.SetString(WineRegistry.MsoKey, WineRegistry.PartnerValue, HandSetId);
        var product = new PackageInstaller(prefix, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        Assert.Equal("1234567", prefix.Registry.Partner);
        Assert.Equal(HandSetId, prefix.Registry.GetString(PorSetupKey, "PreviousPartner"));

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal(HandSetId, prefix.Registry.Partner);
        Assert.False(prefix.Registry.KeyExists(PorSetupKey), "PorSetup's own key must go at uninstall.");
    }

    [Fact]
    public void Install_WithoutAPreviousValue_CreatesNoKeyOfItsOwn()
    {
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, TestPackages.Shipped);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        Assert.False(prefix.Registry.KeyExists(PorSetupKey));
    }

    [Fact]
    public void RepairAndUpgrade_KeepThePreviousValueToPutBack()
    {
        using var prefix = WinePrefix.Create();
        prefix.Registry.SetString(WineRegistry.MsoKey, WineRegistry.PartnerValue, HandSetId);
        new PackageInstaller(prefix, TestPackages.AtVersion("0.9.0")).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");
        var product = new PackageInstaller(prefix, TestPackages.Shipped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS);
        product.RepairProduct(MsiExecReturnCode.SUCCESS);
        Assert.Equal("1234567", prefix.Registry.Partner);

        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal(HandSetId, prefix.Registry.Partner);
    }
}
