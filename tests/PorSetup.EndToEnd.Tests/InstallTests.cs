// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>A first install on a clean server.</summary>
public sealed class InstallTests
{
    [Fact]
    public void Install_WithPartnerId_WritesTheValueInThe64BitViewOnly()
    {
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, TestPackages.Shipped);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        Assert.Equal("1234567", prefix.Registry.Partner);
        Assert.False(prefix.Registry.KeyExists(WineRegistry.MsoKey, RegistryView.Registry32), "Nothing may be written under WOW6432Node.");
    }

    [Fact]
    public void Install_WithPartnerId_LogsTheAcceptedId()
    {
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, TestPackages.Shipped);

        var result = product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        Assert.Contains("PorSetup: PARTNERID accepted: 1234567", result.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_WithoutPartnerId_FailsWith1603AndChangesNothing()
    {
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, TestPackages.Shipped);

        var result = product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE);

        Assert.Contains(PartnerIdMessages.MissingCode, result.Log, StringComparison.Ordinal);
        Assert.False(prefix.Registry.KeyExists(WineRegistry.MsoKey));
        Assert.False(prefix.IsInstalled(TestPackages.Shipped));
    }

    [Fact]
    public void Install_RegistersAnArpEntryAPersonRecognises()
    {
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, TestPackages.Shipped);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        Assert.Equal("PorSetup", prefix.ArpValue(TestPackages.Shipped, "DisplayName"));
        Assert.Equal("PorSetup", prefix.ArpValue(TestPackages.Shipped, "Publisher"));
        Assert.Equal(TestPackages.ShippedVersion, prefix.ArpValue(TestPackages.Shipped, "DisplayVersion"));
        Assert.Equal("Partner of Record ID: 1234567", prefix.ArpValue(TestPackages.Shipped, "Comments"));
    }
}
