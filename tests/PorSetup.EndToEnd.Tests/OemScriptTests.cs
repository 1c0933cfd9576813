// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;
using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// The OEM samples in deploy/, run by Wine's cmd.exe from C:\Windows\Setup\Scripts as Windows Setup and
/// Windows Server Essentials would run them, with the MSI next to them.
/// </summary>
public sealed class OemScriptTests
{
    private const string ScriptsFolder = @"C:\Windows\Setup\Scripts";

    [Theory]
    [InlineData("PostIC")]
    [InlineData("SetupComplete")]
    public void Script_InstallsTheIdWrittenInIt_AndExits0(string script)
    {
        using var prefix = WinePrefix.Create();
        CopyDeployment(prefix, partnerId: "2345678");

        var (exitCode, _) = prefix.RunBatch($"cmd /c \"{ScriptsFolder}\\{script}.cmd\"");

        Assert.Equal(0, exitCode);
        Assert.Equal("2345678", prefix.Registry.Partner);
        Assert.Contains("msiexec returned 0", ReadWindowsTemp(prefix, $"PorSetup-{script}.log"), StringComparison.Ordinal);
        Assert.Contains("PorSetup: PARTNERID accepted: 2345678", ReadWindowsTemp(prefix, $"PorSetup-{script}-msiexec.log"), StringComparison.Ordinal);
    }

    [Fact]
    public void PostIC_RunTwice_Exits0BothTimes()
    {
        using var prefix = WinePrefix.Create();
        CopyDeployment(prefix, partnerId: "2345678");

        var first = prefix.RunBatch($"cmd /c \"{ScriptsFolder}\\PostIC.cmd\"");
        var second = prefix.RunBatch($"cmd /c \"{ScriptsFolder}\\PostIC.cmd\"");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("2345678", prefix.Registry.Partner);
    }

    [Fact]
    public void PostIC_WithABadId_Exits1603_AndTheLogSaysWhy()
    {
        using var prefix = WinePrefix.Create();
        CopyDeployment(prefix, partnerId: "12345a7");

        var (exitCode, _) = prefix.RunBatch($"cmd /c \"{ScriptsFolder}\\PostIC.cmd\"");

        Assert.Equal(1603, exitCode);
        Assert.Null(prefix.Registry.Partner);
        Assert.Contains("msiexec returned 1603", ReadWindowsTemp(prefix, "PorSetup-PostIC.log"), StringComparison.Ordinal);
        Assert.Contains(PartnerIdMessages.NotADigitCode, ReadWindowsTemp(prefix, "PorSetup-PostIC-msiexec.log"), StringComparison.Ordinal);
    }

    [Fact]
    public void PostIC_WithoutTheMsi_Exits1619AndSaysWhatIsMissing()
    {
        using var prefix = WinePrefix.Create();
        CopyDeployment(prefix, partnerId: "2345678");
        File.Delete(Path.Combine(ScriptsPath(prefix), "PorSetup.msi"));

        var (exitCode, _) = prefix.RunBatch($"cmd /c \"{ScriptsFolder}\\PostIC.cmd\"");

        Assert.Equal(1619, exitCode);
        Assert.Contains("PorSetup.msi\" not found", ReadWindowsTemp(prefix, "PorSetup-PostIC.log"), StringComparison.Ordinal);
    }

    [Fact]
    public void UnattendFragment_RunsTheMsiSilentlyWithAPartnerIdInBothPasses()
    {
        var fragment = XDocument.Load(Path.Combine(TestArtifacts.RepositoryRoot, "deploy", "unattend-fragment.xml"));
        XNamespace unattend = "urn:schemas-microsoft-com:unattend";

        var commands = fragment.Descendants(unattend + "Path").Concat(fragment.Descendants(unattend + "CommandLine")).Select(e => e.Value).ToList();

        Assert.Equal(2, commands.Count);
        Assert.All(commands, command =>
        {
            Assert.StartsWith(@"msiexec.exe /i C:\Windows\Setup\Scripts\PorSetup.msi /qn /norestart PARTNERID=", command, StringComparison.Ordinal);
            Assert.Contains("/l*v", command, StringComparison.Ordinal);
        });
    }

    private static string ScriptsPath(WinePrefix prefix) => Path.Combine(prefix.DriveC, "windows", "Setup", "Scripts");

    // What an image engineer does: copy the samples and the MSI, and write the Partner ID into the script.
    private static void CopyDeployment(WinePrefix prefix, string partnerId)
    {
        var target = Directory.CreateDirectory(ScriptsPath(prefix)).FullName;
        foreach (var script in Directory.GetFiles(Path.Combine(TestArtifacts.RepositoryRoot, "deploy"), "*.cmd"))
        {
            var text = File.ReadAllText(script).Replace("PORSETUP_PARTNERID=1234567", $"PORSETUP_PARTNERID={partnerId}", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(target, Path.GetFileName(script)), text);
        }

        File.Copy(TestPackages.Shipped, Path.Combine(target, "PorSetup.msi"));
    }

    private static string ReadWindowsTemp(WinePrefix prefix, string file) =>
        File.ReadAllText(Path.Combine(prefix.DriveC, "windows", "temp", file));
}
