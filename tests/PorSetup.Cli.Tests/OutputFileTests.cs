// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Tests;

/// <summary>A bad --output of stamp or transform is named, in words, before anything is written.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("porsetup-cli-").FullName;

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
