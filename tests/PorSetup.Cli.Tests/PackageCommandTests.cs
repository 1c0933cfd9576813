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
        var run = CliRun.Of(command, Path.Combine(this.folder, "absent.msi"), "-p", "1234567");

        Assert.Equal(ExitCodes.FileError, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("transform")]
    public void AFileThatIsNotAnMsi_Exits3AndWritesNothing(string command)
    {
        var msi = Path.Combine(this.folder, "PorSetup.msi");
        File.WriteAllText(msi, "this is not a compound file");

        var run = CliRun.Of(command, msi, "-p", "1234567");

        Assert.Equal(ExitCodes.FileError, run.ExitCode);
        Assert.Equal([msi], Directory.GetFiles(this.folder));
    }

    [Fact]
    public void Stamp_RefusesToOverwriteItsInput()
    {
        var msi = Path.Combine(this.folder, "PorSetup.msi");
        File.WriteAllText(msi, "unchanged");

        var run = CliRun.Of("stamp", msi, "-p", "1234567", "--output", msi);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("unchanged", File.ReadAllText(msi));
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
