// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// porsetup.exe, as a Windows administrator gets it (artifacts/porsetup.exe: no .NET to install), run on the test
/// machine (under Wine, or on this Windows):
/// each command, with Windows paths, and what it writes read back (a transform also applied by Wine's msiexec;
/// installing a stamped copy is GroupPolicyTests' part).
/// </summary>
public sealed class WindowsToolTests : IDisposable
{
    private readonly string folder = TestWorkspace.NewFolder("exe");

    // An x64 Windows console program (PE32+, machine AMD64, subsystem 3), alone in one file.
    [Fact]
    public void TheExe_IsAnX64WindowsConsoleProgram()
    {
        var exe = File.ReadAllBytes(PorSetupExe.Path);
        var pe = BitConverter.ToInt32(exe, 0x3C);

        Assert.Equal("MZ"u8.ToArray(), exe[..2]);
        Assert.Equal("PE\0\0"u8.ToArray(), exe[pe..(pe + 4)]);
        Assert.Equal(0x8664, BitConverter.ToUInt16(exe, pe + 4));
        Assert.Equal(0x20B, BitConverter.ToUInt16(exe, pe + 24));
        Assert.Equal(3, BitConverter.ToUInt16(exe, pe + 24 + 68));
    }

    [MachineFact]
    public void CheckId_AcceptsAndRefusesAsTheInstallerDoes()
    {
        using var machine = TestMachine.Create();
        var exe = new PorSetupExe(machine);

        var accepted = exe.Run("check-id", " 1234567 ");
        var refused = exe.Run("check-id", "12345a7");

        Assert.Equal(0, accepted.ExitCode);
        Assert.Contains("PARTNERID accepted: 1234567", accepted.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("POR1002: ", refused.StandardError, StringComparison.Ordinal);
    }

    [MachineFact]
    public void Help_ListsTheExitCodes()
    {
        using var machine = TestMachine.Create();

        var help = new PorSetupExe(machine).Run("stamp", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Exit codes:", help.StandardOutput, StringComparison.Ordinal);
    }

    [MachineFact]
    public void Stamp_WritesAStampedCopy_AndDoesNotOverwriteIt()
    {
        var msi = this.CopyOfTheMsi();
        var stamped = Path.Combine(this.folder, "PorSetup-2345678.msi");
        using var machine = TestMachine.Create();
        var exe = new PorSetupExe(machine);

        var first = exe.Run("stamp", machine.WindowsPath(msi), "--partner-id", "2345678");
        var written = File.ReadAllBytes(stamped);
        var second = exe.Run("stamp", machine.WindowsPath(msi), "--partner-id", "2345678");
        var inspected = exe.Run("inspect", machine.WindowsPath(stamped));

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.StartsWith($"Wrote {machine.WindowsPath(stamped)}: stamped Partner ID 2345678, PackageCode {{", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(3, second.ExitCode);
        Assert.StartsWith($"{machine.WindowsPath(stamped)} already exists", second.StandardError, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllBytes(stamped));
        Assert.Equal("2345678", PorSetup.Msi.MsiProperties.Read(stamped)["StampedPartnerId"]);
        Assert.Contains("Stamped Partner ID (StampedPartnerId): 2345678", inspected.StandardOutput, StringComparison.Ordinal);
    }

    [MachineFact]
    public void Transform_WritesATransformThatMsiexecApplies()
    {
        var msi = this.CopyOfTheMsi();
        var mst = Path.Combine(this.folder, "PartnerId-3456789.mst");
        using var machine = TestMachine.Create();

        var result = new PorSetupExe(machine).Run("transform", machine.WindowsPath(msi), "-p", "3456789");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal($"Wrote {machine.WindowsPath(mst)}: sets TransformPartnerId=3456789.", result.StandardOutput.TrimEnd());
        new PackageInstaller(machine, msi).InstallProduct(MsiExecReturnCode.SUCCESS, $"TRANSFORMS={machine.WindowsPath(mst)}");
        Assert.Equal("3456789", machine.Registry.Partner);
    }

    [MachineFact]
    public void Inspect_ReadsThePackageAndTheTransform()
    {
        var msi = this.CopyOfTheMsi();
        using var machine = TestMachine.Create();
        var exe = new PorSetupExe(machine);
        Assert.Equal(0, exe.Run("transform", machine.WindowsPath(msi), "-p", "4567890").ExitCode);

        var package = exe.Run("inspect", machine.WindowsPath(msi));
        var transform = exe.Run("inspect", machine.WindowsPath(Path.Combine(this.folder, "PartnerId-4567890.mst")));
        var folderAsInput = exe.Run("inspect", machine.WindowsPath(this.folder));

        Assert.True(package.ExitCode == 0, $"inspect of the MSI exited {package.ExitCode}:\n{package.StandardError}{package.StandardOutput}");
        Assert.Contains($"ProductCode: {InstalledProducts.ProductCode(msi)}", package.StandardOutput, StringComparison.Ordinal);
        Assert.True(transform.ExitCode == 0, $"inspect of the transform exited {transform.ExitCode}:\n{transform.StandardError}{transform.StandardOutput}");
        Assert.Equal("Partner ID (TransformPartnerId): 4567890 (set by the transform)", transform.StandardOutput.Split('\n')[1].TrimEnd('\r'));
        Assert.Equal(3, folderAsInput.ExitCode);
        Assert.Contains("is a folder, not a file", folderAsInput.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    private string CopyOfTheMsi()
    {
        var copy = Path.Combine(this.folder, "PorSetup.msi");
        File.Copy(TestPackages.Shipped, copy);
        return copy;
    }
}
