// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// Group Policy software installation cannot pass properties: a pre-stamped MSI or a transform carries the ID.
/// Group Policy itself does not exist under Wine; these tests install what it would install, the way it would
/// (no command-line properties), with Wine's msiexec.
/// </summary>
public sealed class GroupPolicyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("porsetup-gpo-").FullName;

    [Fact]
    public void AStampedMsi_InstallsWithNoArguments()
    {
        var stamped = this.Stamp("2345678");
        using var prefix = WinePrefix.Create();

        new PackageInstaller(prefix, stamped).InstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("2345678", prefix.Registry.Partner);
    }

    [Fact]
    public void AStampedMsi_IsAPackageAndAProductOfItsOwn_WithTheIdInItsOwnProperty()
    {
        var stamped = this.Stamp("2345678");

        var original = PorSetup.Build.MsiTables.ReadSummary(TestPackages.Shipped)["Revision number (UUID)"];
        var copy = PorSetup.Build.MsiTables.ReadSummary(stamped)["Revision number (UUID)"];
        var properties = PorSetup.Build.MsiTables.ReadProperties(stamped);

        Assert.NotEqual(original, copy);
        Assert.NotEqual(InstalledProducts.ProductCode(TestPackages.Shipped), InstalledProducts.ProductCode(stamped));
        Assert.Equal(PorSetup.Build.MsiTables.ReadProperties(TestPackages.Shipped)["UpgradeCode"], properties["UpgradeCode"]);
        Assert.Equal("2345678", properties["StampedPartnerId"]);
        Assert.False(properties.ContainsKey("PARTNERID"), "A stamped ID is not a PARTNERID given for the run.");
    }

    [Fact]
    public void AStampedMsi_ReplacesThePorSetupThatCameWithTheImage()
    {
        var stamped = this.Stamp("2345678");
        using var prefix = WinePrefix.Create();
        new PackageInstaller(prefix, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(prefix, stamped).InstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Equal("2345678", prefix.Registry.Partner);
        Assert.Equal([InstalledProducts.ProductCode(stamped)], prefix.PorSetupProductCodes());
    }

    [Fact]
    public void AStampedMsi_UninstallsAndRepairsLikeTheOriginal()
    {
        var stamped = this.Stamp("2345678");
        using var prefix = WinePrefix.Create();
        var product = new PackageInstaller(prefix, stamped);
        product.InstallProduct(MsiExecReturnCode.SUCCESS);

        product.RepairProduct(MsiExecReturnCode.SUCCESS);
        Assert.Equal("2345678", prefix.Registry.Partner);
        product.UninstallProduct(MsiExecReturnCode.SUCCESS);

        Assert.Null(prefix.Registry.Partner);
    }

    [Fact]
    public void Stamping_ABadId_IsRefusedWithTheInstallersMessageAndWritesNothing()
    {
        var result = PorSetupTool.Run("stamp", TestPackages.Shipped, "--partner-id", "12345a7", "--output", Path.Combine(this.folder, "x.msi"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(PartnerIdMessages.NotADigitCode, result.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(this.folder));
    }

    [Fact]
    public void ATransform_AppliedWithTransforms_SetsTheId()
    {
        var transform = this.Transform("3456789");
        using var prefix = WinePrefix.Create();

        new PackageInstaller(prefix, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"TRANSFORMS={WinePrefix.WindowsPath(transform)}");

        Assert.Equal("3456789", prefix.Registry.Partner);
    }

    [Fact]
    public void ATransformMadeFromTheEnglishBuild_ServesTheFrenchBuild()
    {
        var transform = this.Transform("3456789");
        using var prefix = WinePrefix.Create();

        new PackageInstaller(prefix, TestPackages.InCulture("fr-FR")).InstallProduct(MsiExecReturnCode.SUCCESS, $"TRANSFORMS={WinePrefix.WindowsPath(transform)}");

        // Wine checks no validation flags; Windows checks the UpgradeCode, which both builds share (and no language).
        Assert.Equal("3456789", prefix.Registry.Partner);
        Assert.Equal(Msi.MsiTransformFlags.ValidateUpgradeCode, Msi.MsiTransformReader.Read(transform).Flags & (Msi.MsiTransformFlags)unchecked((int)0xFFFF0000));
    }

    [Fact]
    public void ATransform_LosesToAPartnerIdOnTheCommandLine()
    {
        var transform = this.Transform("3456789");
        using var prefix = WinePrefix.Create();

        new PackageInstaller(prefix, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"TRANSFORMS={WinePrefix.WindowsPath(transform)}", "PARTNERID=4567890");

        Assert.Equal("4567890", prefix.Registry.Partner);
    }

    // Wine applies a TRANSFORMS= transform without checking its validation flags; Windows checks them, and
    // the transform asks for the UpgradeCode only (no version, no language), which every PorSetup package keeps.
    [Fact]
    public void ATransform_AppliesToALaterVersionOfTheProduct_ReplacingTheInstalledOne()
    {
        var transform = this.Transform("3456789");
        using var prefix = WinePrefix.Create();

        new PackageInstaller(prefix, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        new PackageInstaller(prefix, TestPackages.AtVersion("9.0.0")).InstallProduct(MsiExecReturnCode.SUCCESS, $"TRANSFORMS={WinePrefix.WindowsPath(transform)}");

        Assert.Equal("3456789", prefix.Registry.Partner);
        Assert.Single(prefix.PorSetupProductCodes());
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
