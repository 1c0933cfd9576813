// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.RegularExpressions;
using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// The command lines of README.md and docs/guide.md, read from the pages and run as written with Wine, in the
/// folder that holds PorSetup.msi, as an administrator would type them. A runnable command that has no scenario
/// here, or a scenario whose command is no longer in the pages, fails: the pages and the tests cannot drift apart.
/// Commands Wine cannot run are marked Windows only in the pages (see DocumentedCommands for how).
/// </summary>
public sealed class DocumentedCommandTests
{
    private const string Id = "1234567";
    private const string NewId = "7654321";
    private const string PolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\Installer";

    private static readonly Scenario[] Scenarios =
    [
        new("Install with a log, on a clean server",
            "msiexec /i PorSetup.msi /qn PARTNERID=1234567 /l*v \"%WINDIR%\\Logs\\PorSetup.log\"",
            Arrange: run => run.Machine.Claim(@"C:\Windows\Logs\PorSetup.log"),
            Check: run =>
            {
                Assert.Equal(0, run.ExitCode);
                Assert.Equal(Id, run.Machine.Registry.Partner);
                Assert.Contains($"PorSetup: PARTNERID accepted: {Id}", File.ReadAllText(run.Machine.HostPath(@"C:\Windows\Logs\PorSetup.log")), StringComparison.Ordinal);
            }),
        new("Change the ID, one line, on an installed server",
            "msiexec /i PorSetup.msi /qn PARTNERID=7654321",
            Arrange: run => run.Install(Id),
            Check: run => run.Expect(0, NewId)),
        new("Change the ID, one line, on a clean server",
            "msiexec /i PorSetup.msi /qn PARTNERID=7654321",
            Arrange: null,
            Check: run => run.Expect(0, NewId)),
        new("Change the ID, the older line",
            "msiexec /i PorSetup.msi /qn PARTNERID=7654321 REINSTALL=ALL REINSTALLMODE=vomus",
            Arrange: run => run.Install(Id),
            Check: run => run.Expect(0, NewId)),
        new("Repair keeps the ID",
            "msiexec /i PorSetup.msi /qn REINSTALL=ALL REINSTALLMODE=vomus",
            Arrange: run => run.Install(Id),
            Check: run => run.Expect(0, Id)),
        new("Upgrade from an older version keeps the ID",
            "msiexec /i PorSetup.msi /qn",
            Arrange: run => new PackageInstaller(run.Machine, TestPackages.AtVersion("0.9.0")).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}"),
            Check: run =>
            {
                run.Expect(0, Id);
                Assert.False(run.Machine.IsInstalled(TestPackages.AtVersion("0.9.0")));
            }),
        new("Uninstall puts back the value typed before the first install",
            "msiexec /x PorSetup.msi /qn",
            Arrange: run =>
            {
                run.Machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "7777777");
                run.Install(Id);
            },
            Check: run =>
            {
                Assert.Equal(0, run.ExitCode);
                Assert.Equal("7777777", run.Machine.Registry.Partner);
                Assert.False(run.Machine.IsInstalled(run.Msi));
            }),
        new("Uninstall by ProductCode",
            "msiexec /x <ProductCode> /qn",
            Arrange: run => run.Install(Id),
            Check: run =>
            {
                Assert.Equal(0, run.ExitCode);
                Assert.Null(run.Machine.Registry.Partner);
                Assert.False(run.Machine.IsInstalled(run.Msi));
            },
            Substitute: run => ("<ProductCode>", InstalledProducts.ProductCode(run.Msi))),
        new("Verify on a server that has the value",
            """reg query "HKLM\SOFTWARE\Microsoft\Windows Server\MSO" /v Partner /reg:64""",
            Arrange: run => run.Install(Id),
            Check: run =>
            {
                Assert.Equal(0, run.ExitCode);
                Assert.Contains($"Partner    REG_SZ    {Id}", run.Output, StringComparison.Ordinal);
            }),
        new("Verify on a server that has no value: exit code 1",
            """reg query "HKLM\SOFTWARE\Microsoft\Windows Server\MSO" /v Partner /reg:64""",
            Arrange: null,
            Check: run => Assert.Equal(1, run.ExitCode)),
        new("Windows Installer logging policy, on",
            """reg add "HKLM\SOFTWARE\Policies\Microsoft\Windows\Installer" /v Logging /t REG_SZ /d voicewarmupx /f""",
            Arrange: run => run.Machine.ClaimRegistryValue(PolicyKey, "Logging"),
            Check: run =>
            {
                Assert.Equal(0, run.ExitCode);
                Assert.Equal("voicewarmupx", run.Machine.Registry.GetString(PolicyKey, "Logging"));
            }),
        new("Windows Installer logging policy, off",
            """reg delete "HKLM\SOFTWARE\Policies\Microsoft\Windows\Installer" /v Logging /f""",
            Arrange: run =>
            {
                run.Machine.ClaimRegistryValue(PolicyKey, "Logging");
                run.Machine.Registry.SetString(PolicyKey, "Logging", "voicewarmupx");
            },
            Check: run =>
            {
                Assert.Equal(0, run.ExitCode);
                Assert.Null(run.Machine.Registry.GetString(PolicyKey, "Logging"));
            }),
        new("reg add instead of the MSI writes the 64-bit view only",
            """reg add "HKLM\SOFTWARE\Microsoft\Windows Server\MSO" /v Partner /t REG_SZ /d 1234567 /reg:64 /f""",
            Arrange: null,
            Check: run =>
            {
                run.Expect(0, Id);
                Assert.False(run.Machine.Registry.KeyExists(MachineRegistry.MsoKey, RegistryView.Registry32));
            }),
        new("A stamped copy installs with no arguments",
            "msiexec /i PorSetup-1234567.msi /qn",
            Arrange: run => Run.Porsetup("stamp", run.Msi, "--partner-id", Id, "--output", Path.Combine(run.Folder, "PorSetup-1234567.msi")),
            Check: run => run.Expect(0, Id)),
        new("A transform from the command line",
            "msiexec /i PorSetup.msi /qn TRANSFORMS=PartnerId-1234567.mst",
            Arrange: run => Run.Porsetup("transform", run.Msi, "--partner-id", Id, "--output", Path.Combine(run.Folder, "PartnerId-1234567.mst")),
            Check: run => run.Expect(0, Id)),
        new("An existing PostIC.cmd calls Install-PorSetup.cmd, and the OEM's own steps still run",
            "call \"%~dp0Install-PorSetup.cmd\" \"1234567\" PostIC\nif not \"%PORSETUP_RESULT%\"==\"0\" exit /b %PORSETUP_RESULT%",
            Arrange: null,
            Check: run =>
            {
                run.Expect(0, Id);
                Assert.Equal(["OEM step 1", "OEM step 2"], run.OemLog());
                Assert.Contains("msiexec returned 0", run.PorSetupLog("PostIC.log"), StringComparison.Ordinal);
            },
            OemScript: "PostIC"),
        new("An existing PostIC.cmd passes a failure on, so that Initial Configuration sees it",
            "call \"%~dp0Install-PorSetup.cmd\" \"1234567\" PostIC\nif not \"%PORSETUP_RESULT%\"==\"0\" exit /b %PORSETUP_RESULT%",
            Arrange: run => File.Delete(Path.Combine(run.ScriptsFolder, "PorSetup.msi")),
            Check: run =>
            {
                Assert.Equal(1619, run.ExitCode);
                Assert.Equal(["OEM step 1"], run.OemLog());
            },
            OemScript: "PostIC"),
        new("An existing SetupComplete.cmd calls Install-PorSetup.cmd",
            "call \"%~dp0Install-PorSetup.cmd\" \"1234567\" SetupComplete",
            Arrange: null,
            Check: run =>
            {
                run.Expect(0, Id);
                Assert.Equal(["OEM step 1", "OEM step 2"], run.OemLog());
                Assert.Contains("msiexec returned 0", run.PorSetupLog("SetupComplete.log"), StringComparison.Ordinal);
            },
            OemScript: "SetupComplete"),
    ];

    // Cmdlets, parameters and syntax that PowerShell 3.0 (Windows Server 2012) does not have.
    private static readonly string[] NewerThanPowerShell3 =
        ["Get-ItemPropertyValue", "::new(", "using namespace", "Get-FileHash", "Write-Information", "-PipelineVariable", "ConvertFrom-String", "Expand-Archive", "Compress-Archive", "Get-Clipboard", "Set-Clipboard", "New-TemporaryFile", "Format-Hex", "Get-ComputerInfo", ".Where(", ".ForEach(", "-Depth "];

    public static TheoryData<string> ScenarioNames => [.. Scenarios.Select(s => s.Name)];

    [Fact]
    public void EveryCommandOfThePages_IsRunHere_OrMarkedWindowsOnly()
    {
        var runnable = DocumentedCommands.All.Where(c => c.Kind == DocumentedCommandKind.Runnable);

        var withoutScenario = runnable.Where(c => !Scenarios.Any(s => s.Command == c.Text)).ToList();

        Assert.True(withoutScenario.Count == 0, "Commands that Wine could run but no test runs (add a scenario, or mark them Windows only):\n" + string.Join('\n', withoutScenario));
        Assert.Empty(DocumentedCommands.UntaggedBlocks);
    }

    [Fact]
    public void EveryScenario_RunsACommandThatIsStillInThePages()
    {
        var documented = DocumentedCommands.All.Where(c => c.Kind == DocumentedCommandKind.Runnable).Select(c => c.Text).ToHashSet();

        Assert.All(Scenarios, s => Assert.True(documented.Contains(s.Command), $"\"{s.Name}\" runs a command the pages no longer show:\n{s.Command}"));
    }

    [Fact]
    public void PowerShellBlocks_AreWindowsOnly_WorkOnPowerShell3_AndTolerateAMissingValue()
    {
        var blocks = DocumentedCommands.All.Where(c => c.IsBlock && c.Info.StartsWith("powershell", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block =>
        {
            Assert.Equal(DocumentedCommandKind.WindowsOnly, block.Kind);
            Assert.DoesNotContain(NewerThanPowerShell3, token => block.Text.Contains(token, StringComparison.OrdinalIgnoreCase));
            if (block.Text.Contains("Get-ItemProperty ", StringComparison.Ordinal))
            {
                Assert.Contains("-ErrorAction SilentlyContinue", block.Text, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void ThePages_GiveNoWinePassForAWindowsOnlyMsiexecLine()
    {
        // msiexec /f is broken under Wine (1605): a page that offered it as tested would be wrong.
        var repairs = DocumentedCommands.All.Where(c => Regex.IsMatch(c.Text, @"msiexec /f\w*\s"));

        Assert.All(repairs, c => Assert.Equal(DocumentedCommandKind.WindowsOnly, c.Kind));
    }

    [MachineTheory]
    [MemberData(nameof(ScenarioNames))]
    public void DocumentedCommand_DoesWhatThePageSays(string name)
    {
        var scenario = Scenarios.Single(s => s.Name == name);
        using var machine = TestMachine.Create();
        var run = new Run(machine, scenario.OemScript);
        scenario.Arrange?.Invoke(run);

        var command = scenario.Command;
        if (scenario.Substitute is not null)
        {
            var (placeholder, value) = scenario.Substitute(run);
            command = command.Replace(placeholder, value, StringComparison.Ordinal);
        }

        (run.ExitCode, run.Output) = scenario.OemScript is null
            ? machine.RunBatch($"cd /d \"{machine.WindowsPath(run.Folder)}\"\n{command}")
            : run.RunAsExistingOemScript(command);
        scenario.Check(run);
    }

    private sealed record Scenario(string Name, string Command, Action<Run>? Arrange, Action<Run> Check, Func<Run, (string Placeholder, string Value)>? Substitute = null, string? OemScript = null);

    /// <summary>One scenario's server: a test machine, a folder holding PorSetup.msi, and what the command returned.</summary>
    private sealed class Run
    {
        public Run(TestMachine machine, string? oemScript)
        {
            this.Machine = machine;
            this.OemScriptName = oemScript;
            this.Folder = Directory.CreateDirectory(Path.Combine(machine.Root, "work")).FullName;
            this.Msi = Path.Combine(this.Folder, "PorSetup.msi");
            File.Copy(TestPackages.Shipped, this.Msi);
            this.ScriptsFolder = machine.HostPath(@"C:\Windows\Setup\Scripts");
            if (oemScript is not null)
            {
                // The OEM's script, the samples, and the logs they write are the scenario's, to be removed after it.
                foreach (var path in new[] { $"{oemScript}.cmd", "Install-PorSetup.cmd", "PorSetup.msi" })
                {
                    machine.Claim($@"C:\Windows\Setup\Scripts\{path}");
                }

                machine.Claim(@"C:\Windows\Logs\PorSetup");
                machine.Claim(@"C:\Windows\Logs\oem.log");
                Directory.CreateDirectory(this.ScriptsFolder);
                File.Copy(Path.Combine(TestArtifacts.RepositoryRoot, "deploy", "Install-PorSetup.cmd"), Path.Combine(this.ScriptsFolder, "Install-PorSetup.cmd"));
                File.Copy(TestPackages.Shipped, Path.Combine(this.ScriptsFolder, "PorSetup.msi"));
            }
        }

        public TestMachine Machine { get; }

        public string Folder { get; }

        public string Msi { get; }

        public string ScriptsFolder { get; }

        public string? OemScriptName { get; }

        public int ExitCode { get; set; }

        public string Output { get; set; } = string.Empty;

        public void Install(string id) => new PackageInstaller(this.Machine, this.Msi).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={id}");

        public static void Porsetup(params string[] arguments)
        {
            var result = PorSetupTool.Run(arguments);
            Assert.True(result.ExitCode == 0, $"porsetup {string.Join(' ', arguments)}: {result.StandardError}");
        }

        public void Expect(int exitCode, string partner)
        {
            Assert.True(this.ExitCode == exitCode, $"Exit code {this.ExitCode}, expected {exitCode}. Output:\n{this.Output}");
            Assert.Equal(partner, this.Machine.Registry.Partner);
        }

        public string PorSetupLog(string file) => File.ReadAllText(this.Machine.HostPath($@"C:\Windows\Logs\PorSetup\{file}"));

        public List<string> OemLog() => [.. File.ReadAllLines(this.Machine.HostPath(@"C:\Windows\Logs\oem.log")).Select(l => l.Trim()).Where(l => l.Length > 0)];

        // An OEM's own script, with the documented lines among its steps, run from C:\Windows\Setup\Scripts as a
        // cmd /c process, as Windows Setup and Initial Configuration run it.
        public (int ExitCode, string Output) RunAsExistingOemScript(string documentedLines)
        {
            var script = string.Join("\r\n",
                "@echo off",
                ">>\"%WINDIR%\\Logs\\oem.log\" echo OEM step 1",
                documentedLines.ReplaceLineEndings("\r\n"),
                ">>\"%WINDIR%\\Logs\\oem.log\" echo OEM step 2",
                "exit /b 0",
                string.Empty);
            File.WriteAllText(Path.Combine(this.ScriptsFolder, $"{this.OemScriptName}.cmd"), script);
            return this.Machine.RunBatch($"cmd /c \"C:\\Windows\\Setup\\Scripts\\{this.OemScriptName}.cmd\"");
        }
    }
}
