// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>Major upgrades keep the ID without asking; downgrades are refused.</summary>
public sealed class UpgradeTests
{
    [Fact]
    public void MajorUpgrade_FromALowerVersion_KeepsTheIdAndLeavesOneArpEntry()
    {
        using var prefix = WinePrefix.Create();
        var older = TestPackages.AtVersion("0.9.0");
        new PackageInstaller(prefix, older).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(prefix, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("1234567", prefix.Registry.Partner);
        Assert.True(prefix.IsInstalled(TestPackages.Shipped));
        Assert.False(prefix.IsInstalled(older), "The older version must be removed by the upgrade.");
    }

    [Fact]
    public void MajorUpgrade_WithANewPartnerId_WritesTheNewId()
    {
        using var prefix = WinePrefix.Create();
        new PackageInstaller(prefix, TestPackages.AtVersion("0.9.0")).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(prefix, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=7654321");

        Assert.Equal("7654321", prefix.Registry.Partner);
    }

    [Fact]
    public void Downgrade_IsRefusedWith1603AndKeepsTheNewerVersion()
    {
        using var prefix = WinePrefix.Create();
        var newer = TestPackages.AtVersion("9.0.0");
        new PackageInstaller(prefix, newer).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(prefix, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=7654321");

        Assert.Equal("1234567", prefix.Registry.Partner);
        Assert.True(prefix.IsInstalled(newer));
        Assert.False(prefix.IsInstalled(TestPackages.Shipped));
    }
}
