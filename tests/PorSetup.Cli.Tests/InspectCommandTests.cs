// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.Cli.Tests;

/// <summary>inspect shows what a package carries or a transform sets, Partner ID first; other files are named and refused.</summary>
public sealed class InspectCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("porsetup-cli-").FullName;

    [MsitoolsFact]
    public void APackage_ShowsPartnerIdFirst_ThenItsIdentity()
    {
        var msi = TestMsi.CopyTo(this.folder);
        var properties = MsiTables.ReadProperties(msi);

        var run = CliRun.Of("inspect", msi);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Equal(
            [
                $"{msi}: MSI package",
                "PARTNERID: (not set)",
                $"ProductName: {properties["ProductName"]}",
                $"ProductVersion: {properties["ProductVersion"]}",
                $"Manufacturer: {properties["Manufacturer"]}",
                $"ProductCode: {properties["ProductCode"]}",
                $"UpgradeCode: {properties["UpgradeCode"]}",
                $"ProductLanguage: {properties["ProductLanguage"]}",
                $"PackageCode: {MsiTables.ReadSummary(msi)["Revision number (UUID)"]}",
            ],
            Lines(run));
    }

    [MsitoolsFact]
    public void APackageWithAStampedPartnerId_ShowsIt_AfterPartnerId()
    {
        var msi = TestMsi.CopyWithProperty(this.folder, "Stamped.msi", PackageProperties.StampedPartnerId, "2345678");

        var run = CliRun.Of("inspect", msi);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["PARTNERID: (not set)", "Stamped Partner ID (StampedPartnerId): 2345678"], Lines(run)[1..3]);
    }

    [MsitoolsFact]
    public void APackageWithPartnerId_ShowsIt()
    {
        var msi = TestMsi.CopyWithProperty(this.folder, "WithId.msi", PackageProperties.PartnerId, "3456789");

        var run = CliRun.Of("inspect", msi);

        Assert.Equal("PARTNERID: 3456789", Lines(run)[1]);
    }

    // Whichever property stamp writes the ID into, inspect shows it among the Partner ID lines, before the identity.
    [Fact]
    public void AStampedCopy_ShowsTheIdItWasStampedWith()
    {
        var msi = TestMsi.CopyTo(this.folder);
        Assert.Equal(ExitCodes.Success, CliRun.Of("stamp", msi, "-p", "4567890").ExitCode);

        var run = CliRun.Of("inspect", Path.Combine(this.folder, "PorSetup-4567890.msi"));

        var partnerLines = Lines(run).Skip(1).TakeWhile(line => !line.StartsWith("ProductName:", StringComparison.Ordinal));
        Assert.Contains(partnerLines, line => line.EndsWith(": 4567890", StringComparison.Ordinal));
    }

    [MsitoolsFact]
    public void ATransform_ShowsWhatItSets_PartnerIdFirst()
    {
        var msi = TestMsi.CopyTo(this.folder);
        var mst = Path.Combine(this.folder, "PartnerId-1234567.mst");
        Assert.Equal(ExitCodes.Success, CliRun.Of("transform", msi, "-p", "1234567", "-o", mst).ExitCode);
        var properties = MsiTables.ReadProperties(msi);

        var run = CliRun.Of("inspect", mst);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Equal(
            [
                $"{mst}: transform (.mst)",
                "Partner ID (TransformPartnerId): 1234567 (set by the transform)",
                $"Made from: ProductCode {properties["ProductCode"]}, ProductVersion {properties["ProductVersion"]}, UpgradeCode {properties["UpgradeCode"]}",
                "Applies only to a package with the same: UpgradeCode",
            ],
            Lines(run));
    }

    [Fact]
    public void AFolder_IsNamedAsAFolder()
    {
        CliAssert.FileError(CliRun.Of("inspect", this.folder), this.folder, "is a folder, not a file");
    }

    [Fact]
    public void AMissingFile_IsNamed()
    {
        var absent = Path.Combine(this.folder, "absent.msi");

        CliAssert.FileError(CliRun.Of("inspect", absent), absent, "no such file");
    }

    [Fact]
    public void AFileThatIsNotAnMsi_IsNotAnMsiDatabase()
    {
        var text = Path.Combine(this.folder, "readme.msi");
        File.WriteAllText(text, "this is not a compound file");

        CliAssert.FileError(CliRun.Of("inspect", text), text, "is not an MSI database");
    }

    [Fact]
    public void ADamagedMsi_IsNotAnMsiDatabase()
    {
        var msi = TestMsi.CopyTo(this.folder);
        var bytes = File.ReadAllBytes(msi);
        File.WriteAllBytes(msi, bytes[..4096]);

        CliAssert.FileError(CliRun.Of("inspect", msi), msi, "is not an MSI database: it is damaged");
    }

    [Fact]
    public void APatch_IsNamedAndRefused()
    {
        var patch = TestMsi.Patch(this.folder);

        CliAssert.FileError(CliRun.Of("inspect", patch), patch, "is a patch (.msp): inspect reads MSI packages and transforms");
    }

    // Another program holds the file open with no sharing: the read fails, and the message says which file.
    [Fact]
    public void AFileThatCannotBeRead_IsNamed()
    {
        var msi = TestMsi.CopyTo(this.folder);
        using var held = new FileStream(msi, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        CliAssert.FileError(CliRun.Of("inspect", msi), msi, "cannot be read");
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    private static string[] Lines(CliRun run) => run.Output.TrimEnd().Split(Environment.NewLine);
}
