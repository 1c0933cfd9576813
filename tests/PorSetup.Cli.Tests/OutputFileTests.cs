// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.Cli.Tests;

/// <summary>
/// stamp and transform write one new file and say which: never over an existing one unless --force (a stamped
/// copy already on a Group Policy share must keep its PackageCode), and a bad --output is named, in words.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("porsetup-cli-").FullName;

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void AnExistingOutput_IsLeftAsItIsWithoutForce(string command)
    {
        var msi = TestMsi.CopyTo(this.folder);
        var output = Path.Combine(this.folder, "out.bin");
        Assert.Equal(ExitCodes.Success, CliRun.Of(command, msi, "-p", "1234567", "-o", output).ExitCode);
        var first = File.ReadAllBytes(output);

        var run = CliRun.Of(command, msi, "-p", "1234567", "-o", output);

        CliAssert.FileError(run, output, "already exists");
        Assert.Contains("--force", run.Error, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllBytes(output));
    }

    [Theory]
    [InlineData("stamp", "PorSetup-1234567.msi")]
    [InlineData("transform", "PartnerId-1234567.mst")]
    public void TheDefaultOutput_IsNotOverwrittenEither(string command, string defaultName)
    {
        var msi = TestMsi.CopyTo(this.folder);
        var output = Path.Combine(this.folder, defaultName);
        File.WriteAllText(output, "a copy already deployed");

        var run = CliRun.Of(command, msi, "-p", "1234567");

        CliAssert.FileError(run, output, "already exists");
        Assert.Equal("a copy already deployed", File.ReadAllText(output));
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void WithForce_AnExistingOutputIsReplaced(string command)
    {
        var msi = TestMsi.CopyTo(this.folder);
        var output = Path.Combine(this.folder, "out.bin");
        File.WriteAllText(output, "old");

        var run = CliRun.Of(command, msi, "-p", "1234567", "-o", output, "--force");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.NotEqual("old", File.ReadAllText(output));
    }

    [MsitoolsFact]
    public void Stamp_SaysWhatItWrote_PathProductCodeAndPackageCode()
    {
        var msi = TestMsi.CopyTo(this.folder);
        var stamped = Path.Combine(this.folder, "PorSetup-1234567.msi");

        var run = CliRun.Of("stamp", msi, "-p", "1234567");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(run.Error);
        var productCode = MsiTables.ReadProperties(stamped)["ProductCode"];
        Assert.Equal("1234567", MsiTables.ReadProperties(stamped)[PackageProperties.StampedPartnerId]);
        var packageCode = MsiTables.ReadSummary(stamped)["Revision number (UUID)"];
        Assert.Equal($"Wrote {stamped}: stamped Partner ID 1234567, PackageCode {packageCode}, ProductCode {productCode}.", run.Output.TrimEnd());
    }

    [Fact]
    public void Transform_SaysWhatItWrote()
    {
        var msi = TestMsi.CopyTo(this.folder);

        var run = CliRun.Of("transform", msi, "-p", "1234567");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal($"Wrote {Path.Combine(this.folder, "PartnerId-1234567.mst")}: sets TransformPartnerId=1234567.", run.Output.TrimEnd());
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void AnOutputInAMissingFolder_NamesTheOutputAndTheFolder(string command)
    {
        var msi = TestMsi.CopyTo(this.folder);
        var missing = Path.Combine(this.folder, "missing");
        var output = Path.Combine(missing, "out.bin");

        var run = CliRun.Of(command, msi, "-p", "1234567", "-o", output);

        CliAssert.FileError(run, output, $"the folder {missing} does not exist");
        Assert.Equal([msi], Directory.GetFiles(this.folder));
    }

    [Theory]
    [InlineData("stamp", "PorSetup-1234567.msi")]
    [InlineData("transform", "PartnerId-1234567.mst")]
    public void AnOutputThatIsAFolder_SaysSoAndSuggestsAFileName(string command, string defaultName)
    {
        var msi = TestMsi.CopyTo(this.folder);
        var target = Directory.CreateDirectory(Path.Combine(this.folder, "share")).FullName;

        var run = CliRun.Of(command, msi, "-p", "1234567", "-o", target);

        CliAssert.FileError(run, target, $"is a folder: --output names the file to write, for example {Path.Combine(target, defaultName)}");
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    [Fact]
    public void AnOutputUnderAFile_SaysTheFileIsNotAFolder()
    {
        var msi = TestMsi.CopyTo(this.folder);
        var output = Path.Combine(msi, "out.msi");

        var run = CliRun.Of("stamp", msi, "-p", "1234567", "-o", output);

        CliAssert.FileError(run, output, $"{msi} is a file, not a folder");
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);
}
