// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Tests;

/// <summary>
/// stamp and transform --force never write over their input, whatever path names it: the output is compared with
/// the input by file identity (device and inode here, volume and file index on Windows: FileIdentity), not by its
/// spelling. The Windows variant runs under Wine in PorSetup.EndToEnd.Tests (ForceIdentityTests).
/// </summary>
public sealed class OutputIdentityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("porsetup-cli-identity-").FullName;

    public static TheoryData<string, string> Spellings => new()
    {
        { "stamp", "hard link" },
        { "stamp", "symbolic link" },
        { "stamp", "folder link" },
        { "stamp", "dot segments" },
        { "transform", "hard link" },
        { "transform", "symbolic link" },
        { "transform", "folder link" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void AnotherNameOfTheInput_IsRefusedEvenWithForce_AndTheInputIsUnchanged(string command, string spelling)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Links are made with ln here; ForceIdentityTests (EndToEnd) runs porsetup.exe on Windows paths.");
        var msi = TestMsi.CopyTo(this.folder);
        var before = File.ReadAllBytes(msi);
        var output = this.OtherName(msi, spelling);

        var run = CliRun.Of(command, msi, "-p", "1234567", "--output", output, "--force");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("must be a new file", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(msi));
    }

    [Fact]
    public void ACopyOfTheInput_IsAnotherFile_AndReplacedWithForce()
    {
        var msi = TestMsi.CopyTo(this.folder);
        var copy = Path.Combine(this.folder, "copy.msi");
        File.Copy(msi, copy);

        Assert.False(FileIdentity.Same(msi, copy));
        Assert.Equal(ExitCodes.Success, CliRun.Of("stamp", msi, "-p", "1234567", "--output", copy, "--force").ExitCode);
        Assert.NotEqual(File.ReadAllBytes(msi), File.ReadAllBytes(copy));
    }

    [Fact]
    public void AMissingFile_IsNotTheSameAsAnything()
    {
        var msi = TestMsi.CopyTo(this.folder);
        var missing = Path.Combine(this.folder, "missing.msi");

        Assert.False(FileIdentity.Same(missing, missing));
        Assert.False(FileIdentity.Same(msi, missing));
        Assert.True(FileIdentity.Same(msi, msi));
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    private string OtherName(string msi, string spelling)
    {
        switch (spelling)
        {
            case "hard link":
                var hard = Path.Combine(this.folder, "hard.msi");
                Assert.Equal(0, PorSetup.Testing.Tool.Run("ln", [msi, hard]).ExitCode);
                return hard;
            case "symbolic link":
                return File.CreateSymbolicLink(Path.Combine(this.folder, "link.msi"), msi).FullName;
            case "folder link":
                var linked = Directory.CreateSymbolicLink(Path.Combine(this.folder, "linked"), this.folder).FullName;
                return Path.Combine(linked, Path.GetFileName(msi));
            default:
                // Given as typed, not normalized by the test: porsetup makes it a full path itself.
                return Path.Combine(this.folder, "sub", "..", ".", Path.GetFileName(msi));
        }
    }
}
