// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// porsetup.exe stamp --force, on the test machine (under Wine, or on this Windows), given its input MSI again under
/// another Windows spelling: refused ("The output must be a new file", exit code 1, the command line's), the MSI unchanged. The output is
/// compared with the input by volume serial number and file index (GetFileInformationByHandle), which see through
/// spellings that a comparison of path strings cannot (PorSetup.Cli.Tests' OutputIdentityTests has the Linux links).
/// </summary>
public sealed class ForceIdentityTests : IDisposable
{
    private readonly string folder = TestWorkspace.NewFolder("identity");

    public static TheoryData<string> Spellings => ["\\\\?\\ prefix", "upper case", "dot segments"];

    [MachineTheory]
    [MemberData(nameof(Spellings))]
    public void Stamp_WithForce_RefusesItsInputUnderAnotherSpelling(string spelling)
    {
        var msi = Path.Combine(this.folder, "PorSetup.msi");
        File.Copy(TestPackages.Shipped, msi);
        var before = File.ReadAllBytes(msi);
        using var machine = TestMachine.Create();
        var input = machine.WindowsPath(msi);
        var output = spelling switch
        {
            "upper case" => input.ToUpperInvariant(),
            "dot segments" => input[..input.LastIndexOf('\\')] + @"\.\sub\..\PorSetup.msi",
            _ => @"\\?\" + input,
        };

        var result = new PorSetupExe(machine).Run("stamp", input, "--partner-id", "1234567", "--output", output, "--force");

        Assert.True(result.ExitCode == 1, $"porsetup.exe stamp --output {output} --force exited {result.ExitCode}:\n{result.StandardError}{result.StandardOutput}");
        Assert.Contains("The output must be a new file", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(msi));
    }

    // Drive C: of a Wine prefix is also a folder of drive Z: (the Linux root): one file under two drive letters, as
    // subst gives on Windows.
    [MachineFact]
    public void Stamp_WithForce_RefusesItsInputUnderAnotherDriveLetter()
    {
        WineRehearsal.SkipWithout("a Wine prefix of the test's own (WinePrefix), whose drive C: it reaches through Z: too", "the Linux suite runs it");
        using var machine = TestMachine.Create();
        Assert.SkipUnless(machine is WinePrefix, "Needs a Wine prefix, whose drive C: is also reachable through Z:; on Windows that takes subst, which changes the machine.");
        var input = @"C:\long\PorSetupIdentity\PorSetup.msi";
        var msi = machine.Claim(input);
        Directory.CreateDirectory(Path.GetDirectoryName(msi)!);
        File.Copy(TestPackages.Shipped, msi);
        var before = File.ReadAllBytes(msi);

        var result = new PorSetupExe(machine).Run("stamp", input, "--partner-id", "1234567", "--output", machine.WindowsPath(msi), "--force");

        Assert.True(result.ExitCode == 1, $"porsetup.exe stamp --output {machine.WindowsPath(msi)} --force exited {result.ExitCode}:\n{result.StandardError}{result.StandardOutput}");
        Assert.Contains("The output must be a new file", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(msi));
    }

    [MachineFact]
    public void Stamp_WithForce_ReplacesACopyOfItsInput()
    {
        var msi = Path.Combine(this.folder, "PorSetup.msi");
        var copy = Path.Combine(this.folder, "copy.msi");
        File.Copy(TestPackages.Shipped, msi);
        File.Copy(TestPackages.Shipped, copy);
        using var machine = TestMachine.Create();

        var result = new PorSetupExe(machine).Run("stamp", machine.WindowsPath(msi), "--partner-id", "1234567", "--output", machine.WindowsPath(copy), "--force");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("1234567", PorSetup.Msi.MsiProperties.Read(copy)["StampedPartnerId"]);
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);
}
