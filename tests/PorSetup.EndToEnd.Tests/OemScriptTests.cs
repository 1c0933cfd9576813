// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.RegularExpressions;
using System.Xml.Linq;
using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// The OEM samples in deploy/, run by Wine's cmd.exe from C:\Windows\Setup\Scripts as Windows Setup and
/// Windows Server Essentials would run them, with the MSI next to them. What Wine cannot show: the ACL of the log
/// folder (Wine's icacls.exe is a dummy that changes nothing and answers 0) and a real 1618 (Wine has no install
/// mutex); for those, see the tests that read the script's text and the one that runs its retry loop over a fake.
/// </summary>
public sealed class OemScriptTests
{
    private const string ScriptsFolder = @"C:\Windows\Setup\Scripts";
    private const string LogFolder = @"C:\Windows\Logs\PorSetup";
    private const string Placeholder = "REPLACE-WITH-YOUR-PARTNER-ID";

    /// <summary>What Install-PorSetup.cmd returns, without running msiexec, while the ID is the placeholder.</summary>
    private const int NoPartnerIdExitCode = 87;

    [MachineTheory]
    [InlineData("PostIC")]
    [InlineData("SetupComplete")]
    public void Script_InstallsTheIdWrittenInIt_AndExits0_LoggingUnderWindowsLogs(string script)
    {
        using var machine = TestMachine.Create();
        CopyDeployment(machine, partnerId: "2345678");

        var (exitCode, _) = machine.RunBatch($"cmd /c \"{ScriptsFolder}\\{script}.cmd\"");

        Assert.Equal(0, exitCode);
        Assert.Equal("2345678", machine.Registry.Partner);
        Assert.Contains("msiexec returned 0", ReadLog(machine, $"{script}.log"), StringComparison.Ordinal);
        Assert.Contains("PorSetup: PARTNERID accepted: 2345678", ReadLog(machine, $"{script}-msiexec.log"), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(machine.HostPath(@"C:\Windows\Temp"), "PorSetup*"));
    }

    [MachineTheory]
    [InlineData("PostIC")]
    [InlineData("SetupComplete")]
    public void Script_AsShipped_StopsWith87BeforeMsiexec_AndSaysWhatToEdit(string script)
    {
        using var machine = TestMachine.Create();
        CopyDeployment(machine, partnerId: null);

        var (exitCode, output) = machine.RunBatch($"cmd /c \"{ScriptsFolder}\\{script}.cmd\"");

        Assert.Equal(NoPartnerIdExitCode, exitCode);
        Assert.Contains(Placeholder, output, StringComparison.Ordinal);
        Assert.Contains("msiexec was not run", ReadLog(machine, $"{script}.log"), StringComparison.Ordinal);
        Assert.False(File.Exists(LogPath(machine, $"{script}-msiexec.log")), "msiexec must not run while the placeholder is there.");
        Assert.Null(machine.Registry.Partner);
        Assert.False(machine.IsInstalled(TestPackages.Shipped));
    }

    [Fact]
    public void Samples_ShipThePlaceholder_AndNoIdTheInstallerWouldAccept()
    {
        foreach (var file in Directory.GetFiles(DeployFolder))
        {
            var text = File.ReadAllText(file);
            foreach (Match number in Regex.Matches(text, @"(?<![\d-])\d{5,10}(?![\d-])"))
            {
                Assert.Fail($"{Path.GetFileName(file)} holds {number.Value}, an ID the installer accepts: an image built without editing it would credit that ID.");
            }
        }

        Assert.Contains($"set \"PORSETUP_PARTNERID={Placeholder}\"", File.ReadAllText(Path.Combine(DeployFolder, "PostIC.cmd")), StringComparison.Ordinal);
        Assert.Contains($"set \"PORSETUP_PARTNERID={Placeholder}\"", File.ReadAllText(Path.Combine(DeployFolder, "SetupComplete.cmd")), StringComparison.Ordinal);
        Assert.All(UnattendCommands(), command => Assert.Contains(Placeholder, command, StringComparison.Ordinal));
    }

    // The lines each sample tells an image engineer to copy into an existing script ("the three lines below",
    // "the two lines below") are the guide's block for that script, which DocumentedCommandTests runs inside an
    // OEM's own script, as copied (87, nothing installed) and with an ID. The "call" line alone would stop with 87.
    [Theory]
    [InlineData("PostIC", "three", 3)]
    [InlineData("SetupComplete", "two", 2)]
    public void Sample_LinesToCopyIntoAnExistingScript_AreTheGuidesBlock(string script, string countWord, int count)
    {
        var sample = File.ReadAllText(Path.Combine(DeployFolder, $"{script}.cmd")).ReplaceLineEndings("\n");
        var block = DocumentedCommands.All.Single(c => c.IsBlock && c.Kind == DocumentedCommandKind.Runnable && c.Text.Contains($"Install-PorSetup.cmd\" \"%PORSETUP_PARTNERID%\" {script}", StringComparison.Ordinal));
        var lines = block.Text.Split('\n');

        Assert.Contains($"copy the {countWord} lines below", sample, StringComparison.Ordinal);
        Assert.Equal(count, lines.Length);
        Assert.Equal($"set \"PORSETUP_PARTNERID={Placeholder}\"", lines[0]);
        Assert.Contains($"\n{block.Text}\n", sample, StringComparison.Ordinal);
    }

    // The installer itself refuses the placeholder too, for anyone who copies it onto an msiexec command line.
    [MachineFact]
    public void ThePlaceholder_IsRefusedByTheInstaller()
    {
        using var machine = TestMachine.Create();

        var result = new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, $"PARTNERID={Placeholder}");

        Assert.Contains(PartnerIdMessages.NotADigitCode, result.Log, StringComparison.Ordinal);
        Assert.Null(machine.Registry.Partner);
    }

    [MachineFact]
    public void PostIC_RunTwice_Exits0BothTimes()
    {
        using var machine = TestMachine.Create();
        CopyDeployment(machine, partnerId: "2345678");

        var first = machine.RunBatch($"cmd /c \"{ScriptsFolder}\\PostIC.cmd\"");
        var second = machine.RunBatch($"cmd /c \"{ScriptsFolder}\\PostIC.cmd\"");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("2345678", machine.Registry.Partner);
    }

    [MachineFact]
    public void PostIC_WithABadId_Exits1603_AndTheLogSaysWhy()
    {
        using var machine = TestMachine.Create();
        CopyDeployment(machine, partnerId: "12345a7");

        var (exitCode, _) = machine.RunBatch($"cmd /c \"{ScriptsFolder}\\PostIC.cmd\"");

        Assert.Equal(1603, exitCode);
        Assert.Null(machine.Registry.Partner);
        Assert.Contains("msiexec returned 1603", ReadLog(machine, "PostIC.log"), StringComparison.Ordinal);
        Assert.Contains(PartnerIdMessages.NotADigitCode, ReadLog(machine, "PostIC-msiexec.log"), StringComparison.Ordinal);
    }

    [MachineFact]
    public void PostIC_WithoutTheMsi_Exits1619AndSaysWhatIsMissing()
    {
        using var machine = TestMachine.Create();
        CopyDeployment(machine, partnerId: "2345678");
        File.Delete(Path.Combine(ScriptsPath(machine), "PorSetup.msi"));

        var (exitCode, _) = machine.RunBatch($"cmd /c \"{ScriptsFolder}\\PostIC.cmd\"");

        Assert.Equal(1619, exitCode);
        Assert.Contains("PorSetup.msi\" not found", ReadLog(machine, "PostIC.log"), StringComparison.Ordinal);
    }

    [Fact]
    public void UnattendFragment_RunsInstallPorSetupInBothPasses()
    {
        var commands = UnattendCommands();

        Assert.Equal(
            [
                $@"cmd.exe /c {ScriptsFolder}\Install-PorSetup.cmd {Placeholder} specialize",
                $@"cmd.exe /c {ScriptsFolder}\Install-PorSetup.cmd {Placeholder} FirstLogon",
            ],
            commands);
    }

    // Each command of the fragment, run as Windows Setup runs it: as shipped it installs nothing and returns 87;
    // with an ID in place of the placeholder it installs and logs under %WINDIR%\Logs\PorSetup.
    [MachineTheory]
    [InlineData(0, "specialize")]
    [InlineData(1, "FirstLogon")]
    public void UnattendFragment_Commands_StopOnThePlaceholder_AndInstallWithAnId(int index, string caller)
    {
        using var machine = TestMachine.Create();
        CopyDeployment(machine, partnerId: null);
        var command = UnattendCommands()[index];

        var asShipped = machine.RunBatch(command);
        Assert.Equal(NoPartnerIdExitCode, asShipped.ExitCode);
        Assert.Null(machine.Registry.Partner);

        var edited = machine.RunBatch(command.Replace(Placeholder, "3456789", StringComparison.Ordinal));
        Assert.Equal(0, edited.ExitCode);
        Assert.Equal("3456789", machine.Registry.Partner);
        Assert.Contains("PorSetup: PARTNERID accepted: 3456789", ReadLog(machine, $"{caller}-msiexec.log"), StringComparison.Ordinal);
    }

    // Wine never returns 1618 (it has no install mutex), so the retry loop is exercised over a stand-in for
    // msiexec, named as such: a test-only batch that answers 1618 a given number of times and then runs the real
    // msiexec.exe with the same arguments. This proves the loop (count, log lines, exit code); not that Windows
    // answers 1618, nor how long the real wait lasts (the test sets the wait to 1 second).
    [MachineFact]
    public void InstallScript_RetriesWhenAFakeMsiexecAnswers1618_ThenInstalls()
    {
        using var machine = TestMachine.Create();
        CopyDeployment(machine, partnerId: "2345678");
        UseFakeMsiexec(machine);

        var (exitCode, _) = machine.RunBatch($"cmd /c \"{ScriptsFolder}\\PostIC.cmd\"", new Dictionary<string, string> { ["FAKE_MSIEXEC_BUSY_RUNS"] = "2" });

        Assert.Equal(0, exitCode);
        Assert.Equal("2345678", machine.Registry.Partner);
        var log = ReadLog(machine, "PostIC.log");
        Assert.Equal(2, Regex.Count(log, "msiexec returned 1618"));
        Assert.Contains("(attempt 3 of 4)", log, StringComparison.Ordinal);
        Assert.Contains("msiexec returned 0", log, StringComparison.Ordinal);
    }

    [MachineFact]
    public void InstallScript_GivesUpWith1618AfterItsLastAttempt_WhenAFakeMsiexecIsAlwaysBusy()
    {
        using var machine = TestMachine.Create();
        CopyDeployment(machine, partnerId: "2345678");
        UseFakeMsiexec(machine);

        var (exitCode, _) = machine.RunBatch($"cmd /c \"{ScriptsFolder}\\PostIC.cmd\"", new Dictionary<string, string> { ["FAKE_MSIEXEC_BUSY_RUNS"] = "99" });

        Assert.Equal(1618, exitCode);
        var log = ReadLog(machine, "PostIC.log");
        Assert.Equal(4, Regex.Count(log, "msiexec returned 1618"));
        Assert.Contains("giving up", log, StringComparison.Ordinal);
        Assert.Null(machine.Registry.Partner);
    }

    // PostIC.cmd must finish within three minutes: the waits between attempts take at most half of that.
    [Fact]
    public void InstallScript_RetryWaits_FitInHalfOfPostICsThreeMinutes()
    {
        var script = File.ReadAllText(Path.Combine(DeployFolder, "Install-PorSetup.cmd"));

        var attempts = int.Parse(Setting(script, "RETRY_ATTEMPTS"), System.Globalization.CultureInfo.InvariantCulture);
        var wait = int.Parse(Setting(script, "RETRY_WAIT_SECONDS"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(attempts, 2, 10);
        Assert.InRange((attempts - 1) * wait, 1, 90);
    }

    // Wine's icacls.exe changes nothing, so the ACL itself is Windows-only: this checks the line that sets it,
    // and that no sample writes to %WINDIR%\Temp, where every user may create files.
    [Fact]
    public void InstallScript_GivesItsLogFolderAnAclForSystemAndAdministratorsOnly()
    {
        var script = File.ReadAllText(Path.Combine(DeployFolder, "Install-PorSetup.cmd"));

        Assert.Contains("set \"LOG_DIR=%WINDIR%\\Logs\\PorSetup\"", script, StringComparison.Ordinal);
        Assert.Contains("icacls \"%LOG_DIR%\" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F", script, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(DeployFolder))
        {
            Assert.DoesNotContain(@"\Temp", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string DeployFolder => Path.Combine(TestArtifacts.RepositoryRoot, "deploy");

    private static string ScriptsPath(TestMachine machine) => machine.HostPath(ScriptsFolder);

    private static string LogPath(TestMachine machine, string file) => machine.HostPath($@"{LogFolder}\{file}");

    private static string ReadLog(TestMachine machine, string file) => File.ReadAllText(LogPath(machine, file));

    private static List<string> UnattendCommands()
    {
        var fragment = XDocument.Load(Path.Combine(DeployFolder, "unattend-fragment.xml"));
        XNamespace unattend = "urn:schemas-microsoft-com:unattend";
        return [.. fragment.Descendants(unattend + "Path").Concat(fragment.Descendants(unattend + "CommandLine")).Select(e => e.Value)];
    }

    private static string Setting(string script, string name)
    {
        var match = Regex.Match(script, $"set \"{name}=(\\d+)\"");
        Assert.True(match.Success, $"Install-PorSetup.cmd has no set \"{name}=<number>\" line.");
        return match.Groups[1].Value;
    }

    // What an image engineer does: copy the samples and the MSI, and write the Partner ID into the script
    // (null: leave the placeholder, as shipped). The scripts, the MSI and the logs are the test's, to be removed.
    private static void CopyDeployment(TestMachine machine, string? partnerId)
    {
        machine.Claim(LogFolder);
        machine.Claim($@"{ScriptsFolder}\PorSetup.msi");
        foreach (var script in Directory.GetFiles(DeployFolder, "*.cmd"))
        {
            machine.Claim($@"{ScriptsFolder}\{Path.GetFileName(script)}");
        }

        var target = Directory.CreateDirectory(ScriptsPath(machine)).FullName;
        foreach (var script in Directory.GetFiles(DeployFolder, "*.cmd"))
        {
            var text = File.ReadAllText(script);
            if (partnerId is not null)
            {
                text = text.Replace($"PORSETUP_PARTNERID={Placeholder}", $"PORSETUP_PARTNERID={partnerId}", StringComparison.Ordinal);
            }

            File.WriteAllText(Path.Combine(target, Path.GetFileName(script)), text);
        }

        File.Copy(TestPackages.Shipped, Path.Combine(target, "PorSetup.msi"));
    }

    // A copy of Install-PorSetup.cmd that calls the test's stand-in instead of msiexec.exe, and waits 1 second
    // between attempts instead of the shipped number; nothing else of the script changes.
    private static void UseFakeMsiexec(TestMachine machine)
    {
        machine.Claim($@"{ScriptsFolder}\Fake-Msiexec-ForRetryTests.cmd");
        machine.Claim($@"{ScriptsFolder}\fake-msiexec-runs.txt");
        var folder = ScriptsPath(machine);
        File.WriteAllText(Path.Combine(folder, "Fake-Msiexec-ForRetryTests.cmd"), string.Join("\r\n",
            "@echo off",
            "rem TEST ONLY, never shipped: answers 1618 for the first %FAKE_MSIEXEC_BUSY_RUNS% runs, then runs msiexec.exe.",
            "set \"RUNS=0\"",
            "if exist \"%~dp0fake-msiexec-runs.txt\" set /p RUNS=<\"%~dp0fake-msiexec-runs.txt\"",
            "set /a RUNS+=1",
            ">\"%~dp0fake-msiexec-runs.txt\" echo %RUNS%",
            "if %RUNS% LEQ %FAKE_MSIEXEC_BUSY_RUNS% exit 1618",
            "msiexec.exe %*",
            "exit %ERRORLEVEL%",
            string.Empty));

        var path = Path.Combine(folder, "Install-PorSetup.cmd");
        var script = File.ReadAllText(path);
        var withFake = script
            .Replace("start \"\" /wait msiexec.exe ", "cmd /c call \"%~dp0Fake-Msiexec-ForRetryTests.cmd\" ", StringComparison.Ordinal)
            .Replace("set \"RETRY_WAIT_SECONDS=25\"", "set \"RETRY_WAIT_SECONDS=1\"", StringComparison.Ordinal);
        Assert.NotEqual(script, withFake);
        Assert.Equal(2, Regex.Count(withFake, "Fake-Msiexec-ForRetryTests|RETRY_WAIT_SECONDS=1\""));
        File.WriteAllText(path, withFake);
    }
}
