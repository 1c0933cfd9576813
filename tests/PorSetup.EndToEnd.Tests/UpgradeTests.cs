// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>Major upgrades keep the ID without asking; downgrades are refused.</summary>
public sealed class UpgradeTests
{
    [MachineFact]
    public void MajorUpgrade_FromALowerVersion_KeepsTheIdAndLeavesOneArpEntry()
    {
        using var machine = TestMachine.Create();
        var older = TestPackages.AtVersion("0.9.0");
        new PackageInstaller(machine, older).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.True(machine.IsInstalled(TestPackages.Shipped));
        Assert.False(machine.IsInstalled(older), "The older version must be removed by the upgrade.");
    }

    [MachineFact]
    public void MajorUpgrade_WithANewPartnerId_WritesTheNewId()
    {
        using var machine = TestMachine.Create();
        new PackageInstaller(machine, TestPackages.AtVersion("0.9.0")).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=7654321");

        Assert.Equal("7654321", machine.Registry.Partner);
    }

    [MachineFact]
    public void Downgrade_IsRefusedWith1603AndKeepsTheNewerVersion()
    {
        using var machine = TestMachine.Create();
        var newer = TestPackages.AtVersion("9.0.0");
        new PackageInstaller(machine, newer).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=7654321");

        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.True(machine.IsInstalled(newer));
        Assert.False(machine.IsInstalled(TestPackages.Shipped));
    }
}
