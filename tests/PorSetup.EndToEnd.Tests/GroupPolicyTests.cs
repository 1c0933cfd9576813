// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// Group Policy software installation cannot pass properties: a pre-stamped MSI or a transform carries the ID.
/// Group Policy itself does not exist under Wine; these tests install what it would install, the way it would
/// (no command-line properties), with the test machine's msiexec.
/// </summary>
public sealed class GroupPolicyTests : IDisposable
{
    private readonly string folder = TestWorkspace.NewFolder("gpo");

    [MachineFact]
    public void AStampedMsi_InstallsWithNoArguments()
    {
        var stamped = this.Stamp("2345678");
        using var machine = TestMachine.Create();

        new PackageInstaller(machine, stamped).InstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("2345678", machine.Registry.Partner);
    }

    [MsitoolsFact]
    public void AStampedMsi_IsAPackageAndAProductOfItsOwn_WithTheIdInItsOwnProperty()
    {
        var stamped = this.Stamp("2345678");

        var original = PorSetup.Testing.MsiTables.ReadSummary(TestPackages.Shipped)["Revision number (UUID)"];
        var copy = PorSetup.Testing.MsiTables.ReadSummary(stamped)["Revision number (UUID)"];
        var properties = PorSetup.Testing.MsiTables.ReadProperties(stamped);

        Assert.NotEqual(original, copy);
        Assert.NotEqual(InstalledProducts.ProductCode(TestPackages.Shipped), InstalledProducts.ProductCode(stamped));
        Assert.Equal(PorSetup.Testing.MsiTables.ReadProperties(TestPackages.Shipped)["UpgradeCode"], properties["UpgradeCode"]);
        Assert.Equal("2345678", properties["StampedPartnerId"]);
        Assert.False(properties.ContainsKey("PARTNERID"), "A stamped ID is not a PARTNERID given for the run.");
    }

    [MachineFact]
    public void AStampedMsi_ReplacesThePorSetupThatCameWithTheImage()
    {
        var stamped = this.Stamp("2345678");
        using var machine = TestMachine.Create();
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(machine, stamped).InstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("2345678", machine.Registry.Partner);
        Assert.Equal([InstalledProducts.ProductCode(stamped)], machine.PorSetupProductCodes());
    }

    [MachineFact]
    public void AStampedMsi_UninstallsAndRepairsLikeTheOriginal()
    {
        var stamped = this.Stamp("2345678");
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, stamped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS);

        product.RepairProduct(MsiExecReturnCode.SUCCESS);
        Assert.Equal("2345678", machine.Registry.Partner);
        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Null(machine.Registry.Partner);
    }

    [Fact]
    public void Stamping_ABadId_IsRefusedWithTheInstallersMessageAndWritesNothing()
    {
        var result = PorSetupTool.Run("stamp", TestPackages.Shipped, "--partner-id", "12345a7", "--output", Path.Combine(this.folder, "x.msi"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(PartnerIdMessages.NotADigitCode, result.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(this.folder));
    }

    [MachineFact]
    public void ATransform_AppliedWithTransforms_SetsTheId()
    {
        var transform = this.Transform("3456789");
        using var machine = TestMachine.Create();

        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"TRANSFORMS={machine.WindowsPath(transform)}");

        Assert.Equal("3456789", machine.Registry.Partner);
    }

    [MachineFact]
    public void ATransformMadeFromTheEnglishBuild_ServesTheFrenchBuild()
    {
        var transform = this.Transform("3456789");
        using var machine = TestMachine.Create();

        new PackageInstaller(machine, TestPackages.InCulture("fr-FR")).InstallProduct(MsiExecReturnCode.SUCCESS, $"TRANSFORMS={machine.WindowsPath(transform)}");

        // Wine checks no validation flags; Windows checks the UpgradeCode, which both builds share (and no language).
        Assert.Equal("3456789", machine.Registry.Partner);
        Assert.Equal(Msi.MsiTransformFlags.ValidateUpgradeCode, Msi.MsiTransformReader.Read(transform).Flags & (Msi.MsiTransformFlags)unchecked((int)0xFFFF0000));
    }

    [MachineFact]
    public void ATransform_LosesToAPartnerIdOnTheCommandLine()
    {
        var transform = this.Transform("3456789");
        using var machine = TestMachine.Create();

        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"TRANSFORMS={machine.WindowsPath(transform)}", "PARTNERID=4567890");

        Assert.Equal("4567890", machine.Registry.Partner);
    }

    // Wine applies a TRANSFORMS= transform without checking its validation flags; Windows checks them, and
    // the transform asks for the UpgradeCode only (no version, no language), which every PorSetup package keeps.
    [MachineFact]
    public void ATransform_AppliesToALaterVersionOfTheProduct_ReplacingTheInstalledOne()
    {
        var transform = this.Transform("3456789");
        using var machine = TestMachine.Create();

        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(machine, TestPackages.AtVersion("9.0.0")).InstallProduct(MsiExecReturnCode.SUCCESS, $"TRANSFORMS={machine.WindowsPath(transform)}");

        Assert.Equal("3456789", machine.Registry.Partner);
        Assert.Single(machine.PorSetupProductCodes());
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    private string Stamp(string id)
    {
        var output = Path.Combine(this.folder, $"PorSetup-{id}.msi");
        var result = PorSetupTool.Run("stamp", TestPackages.Shipped, "--partner-id", id, "--output", output);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return output;
    }

    private string Transform(string id)
    {
        var output = Path.Combine(this.folder, $"PartnerId-{id}.mst");
        var result = PorSetupTool.Run("transform", TestPackages.Shipped, "--partner-id", id, "--output", output);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return output;
    }
}
