// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Tests;

/// <summary>stamp and transform refuse bad input before they write anything.</summary>
public sealed class PackageCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("porsetup-cli-").FullName;

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void ABadId_Exits2AndWritesNothing(string command)
    {
        var msi = Path.Combine(this.folder, "PorSetup.msi");
        File.WriteAllText(msi, "not read: the ID is checked first");

        var run = CliRun.Of(command, msi, "--partner-id", "[ProductCode]");

        Assert.Equal(ExitCodes.InvalidPartnerId, run.ExitCode);
        Assert.StartsWith(PartnerIdMessages.NotADigitCode, run.Error, StringComparison.Ordinal);
        Assert.Equal([msi], Directory.GetFiles(this.folder));
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void AMissingMsi_Exits3(string command)
    {
        var absent = Path.Combine(this.folder, "absent.msi");

        var run = CliRun.Of(command, absent, "-p", "1234567");

        CliAssert.FileError(run, absent, "no such file");
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void AFolderAsInput_Exits3SayingItIsAFolder(string command)
    {
        var run = CliRun.Of(command, this.folder, "-p", "1234567");

        CliAssert.FileError(run, this.folder, "is a folder, not a file");
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void AFileThatIsNotAnMsi_Exits3AndWritesNothing(string command)
    {
        var msi = Path.Combine(this.folder, "PorSetup.msi");
        File.WriteAllText(msi, "this is not a compound file");

        var run = CliRun.Of(command, msi, "-p", "1234567");

        CliAssert.FileError(run, msi, "is not an MSI database");
        Assert.Equal([msi], Directory.GetFiles(this.folder));
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void ATransformAsInput_IsRefusedAsNotAnMsiDatabase(string command)
    {
        var msi = TestMsi.CopyTo(this.folder);
        var mst = Path.Combine(this.folder, "PartnerId-1234567.mst");
        Assert.Equal(ExitCodes.Success, CliRun.Of("transform", msi, "-p", "1234567", "-o", mst).ExitCode);

        var run = CliRun.Of(command, mst, "-p", "7654321", "-o", Path.Combine(this.folder, "out"));

        CliAssert.FileError(run, mst, "is not an MSI database: it is a transform (.mst)");
        Assert.Equal([mst, msi], Directory.GetFiles(this.folder).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void APatchAsInput_IsRefusedAsNotAnMsiDatabase(string command)
    {
        var patch = TestMsi.Patch(this.folder);

        var run = CliRun.Of(command, patch, "-p", "1234567");

        CliAssert.FileError(run, patch, "is not an MSI database: it is a patch (.msp)");
        Assert.Equal([patch], Directory.GetFiles(this.folder));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Stamp_RefusesToOverwriteItsInput_EvenWithForce(bool force)
    {
        var msi = TestMsi.CopyTo(this.folder);
        var before = File.ReadAllBytes(msi);

        var args = new List<string> { "stamp", msi, "-p", "1234567", "--output", msi };
        if (force)
        {
            args.Add("--force");
        }

        var run = CliRun.Of([.. args]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("must be a new file", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(msi));
    }

    [Fact]
    public void MissingPartnerId_IsAUsageError()
    {
        var run = CliRun.Of("stamp", Path.Combine(this.folder, "PorSetup.msi"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--partner-id", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);
}
