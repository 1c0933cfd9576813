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
    private const string HandSet = "7777777";
    private const string PolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\Installer";
    private const string Placeholder = "REPLACE-WITH-YOUR-PARTNER-ID";

    // The lines the guide and the samples in deploy/ tell an image engineer to copy into an existing script
    // (OemScriptTests checks that the samples hold exactly these lines).
    private const string PostICLines = "set \"PORSETUP_PARTNERID=REPLACE-WITH-YOUR-PARTNER-ID\"\ncall \"%~dp0Install-PorSetup.cmd\" \"%PORSETUP_PARTNERID%\" PostIC\nif not \"%PORSETUP_RESULT%\"==\"0\" exit /b %PORSETUP_RESULT%";
    private const string SetupCompleteLines = "set \"PORSETUP_PARTNERID=REPLACE-WITH-YOUR-PARTNER-ID\"\ncall \"%~dp0Install-PorSetup.cmd\" \"%PORSETUP_PARTNERID%\" SetupComplete";

    /// <summary>
    /// Lines of the pages that no scenario runs, each with what runs it instead or why nothing does. Only lines of
    /// the build machine and Linux signing lines may be here; build.ps1 lines need no entry (every test run starts
    /// from what build.ps1 built, and .ci/run runs the README's build-and-test lines).
    /// </summary>
    private static readonly (string Command, string RunBy)[] NotRunHere =
    [
        ("export PORSETUP_PFX_PASSWORD='...'    # the .pfx file's password: read from this variable only, never printed\ndotnet pwsh ./build.ps1 -SignWith signing.pfx -TimestampUrl <timestamp-server-url>\nosslsigncode verify -in artifacts/PorSetup.msi       # checks a signature (the tests check every file this way)",
            "SignedBuildTests: build.ps1 -SignWith with a throw-away certificate (no timestamp server: none can be reached here), then osslsigncode verify of every file it signed."),
        ("osslsigncode verify -in PorSetup-1234567.msi",
            "SigningTests (tests/PorSetup.Cli.Tests): a stamped copy signed with --sign-with, then osslsigncode verify of it."),
    ];

    private static readonly Scenario[] Scenarios =
    [
        new("Install with a log, on a clean server",
            "msiexec /i PorSetup.msi /qn /norestart PARTNERID=1234567 /l*v \"%WINDIR%\\Logs\\PorSetup.log\"",
            Arrange: run => run.Machine.Claim(@"C:\Windows\Logs\PorSetup.log"),
            Check: run =>
            {
                Assert.Equal(0, run.ExitCode);
                Assert.Equal(Id, run.Machine.Registry.Partner);
                Assert.Contains($"PorSetup: PARTNERID accepted: {Id}", File.ReadAllText(run.Machine.HostPath(@"C:\Windows\Logs\PorSetup.log")), StringComparison.Ordinal);
            }),
        new("Change the ID, one line, on an installed server",
            "msiexec /i PorSetup.msi /qn /norestart PARTNERID=7654321",
            Arrange: run => run.Install(Id),
            Check: run => run.Expect(0, NewId)),
        new("Change the ID, one line, on a clean server",
            "msiexec /i PorSetup.msi /qn /norestart PARTNERID=7654321",
            Arrange: null,
            Check: run => run.Expect(0, NewId)),
        new("Change the ID, the older line",
            "msiexec /i PorSetup.msi /qn /norestart PARTNERID=7654321 REINSTALL=ALL REINSTALLMODE=vomus",
            Arrange: run => run.Install(Id),
            Check: run => run.Expect(0, NewId)),
        new("Repair keeps the ID",
            "msiexec /i PorSetup.msi /qn /norestart REINSTALL=ALL REINSTALLMODE=vomus",
            Arrange: run => run.Install(Id),
            Check: run => run.Expect(0, Id)),
        new("Repair puts back the installed ID where the value was deleted",
            "msiexec /i PorSetup.msi /qn /norestart REINSTALL=ALL REINSTALLMODE=vomus",
            Arrange: run =>
            {
                run.Install(Id);
                run.Machine.Registry.Delete(MachineRegistry.MsoKey, MachineRegistry.PartnerValue);
            },
            Check: run => run.Expect(0, Id)),
        new("Repair line where another build is installed: no 1605, the package replaces it and keeps the ID",
            "msiexec /i PorSetup.msi /qn /norestart REINSTALL=ALL REINSTALLMODE=vomus",
            Arrange: run => new PackageInstaller(run.Machine, TestPackages.InCulture("fr-FR")).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}"),
            Check: run =>
            {
                run.Expect(0, Id);
                Assert.True(run.Machine.IsInstalled(run.Msi));
                Assert.False(run.Machine.IsInstalled(TestPackages.InCulture("fr-FR")));
            }),
        new("Upgrade from an older version keeps the ID",
            "msiexec /i PorSetup.msi /qn /norestart",
            Arrange: run => new PackageInstaller(run.Machine, TestPackages.AtVersion("0.9.0")).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}"),
            Check: run =>
            {
                run.Expect(0, Id);
                Assert.False(run.Machine.IsInstalled(TestPackages.AtVersion("0.9.0")));
            }),
        new("Uninstall puts back the value typed before the first install",
            "msiexec /x PorSetup.msi /qn /norestart",
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
        new("Uninstall, keeping the Partner value as it is (here one set by hand since)",
            "msiexec /x PorSetup.msi /qn /norestart UNINSTALLPARTNER=keep",
            Arrange: run =>
            {
                run.Machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "7777777");
                run.Install(Id);
                run.Machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, NewId);
            },
            Check: run =>
            {
                Assert.Equal(0, run.ExitCode);
                Assert.Equal(NewId, run.Machine.Registry.Partner);
                Assert.False(run.Machine.IsInstalled(run.Msi));
            }),
        new("Uninstall, deleting the Partner value instead of putting back the one typed before",
            "msiexec /x PorSetup.msi /qn /norestart UNINSTALLPARTNER=delete",
            Arrange: run =>
            {
                run.Machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "7777777");
                run.Install(Id);
            },
            Check: run =>
            {
                Assert.Equal(0, run.ExitCode);
                Assert.Null(run.Machine.Registry.Partner);
                Assert.False(run.Machine.IsInstalled(run.Msi));
            }),
        new("Uninstall by ProductCode",
            "msiexec /x <ProductCode> /qn /norestart",
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
        new("An existing PostIC.cmd with PorSetup's three lines and an ID installs, and the OEM's own steps still run",
            PostICLines,
            Arrange: null,
            Check: run =>
            {
                run.Expect(0, Id);
                Assert.Equal(["OEM step 1", "OEM step 2"], run.OemLog());
                Assert.Contains("msiexec returned 0", run.PorSetupLog("PostIC.log"), StringComparison.Ordinal);
            },
            Substitute: _ => (Placeholder, Id),
            OemScript: "PostIC"),
        new("An existing PostIC.cmd passes a failure on, so that Initial Configuration sees it",
            PostICLines,
            Arrange: run => File.Delete(Path.Combine(run.ScriptsFolder, "PorSetup.msi")),
            Check: run =>
            {
                Assert.Equal(1619, run.ExitCode);
                Assert.Equal(["OEM step 1"], run.OemLog());
            },
            Substitute: _ => (Placeholder, Id),
            OemScript: "PostIC"),
        new("An existing PostIC.cmd with the three lines as copied, placeholder and all, stops with 87 and installs nothing",
            PostICLines,
            Arrange: null,
            Check: run =>
            {
                run.Expect(87, null);
                Assert.Equal(["OEM step 1"], run.OemLog());
                Assert.Contains("msiexec was not run", run.PorSetupLog("PostIC.log"), StringComparison.Ordinal);
            },
            OemScript: "PostIC"),
        new("An existing SetupComplete.cmd with PorSetup's two lines and an ID installs",
            SetupCompleteLines,
            Arrange: null,
            Check: run =>
            {
                run.Expect(0, Id);
                Assert.Equal(["OEM step 1", "OEM step 2"], run.OemLog());
                Assert.Contains("msiexec returned 0", run.PorSetupLog("SetupComplete.log"), StringComparison.Ordinal);
            },
            Substitute: _ => (Placeholder, Id),
            OemScript: "SetupComplete"),
        new("An existing SetupComplete.cmd with the two lines as copied installs nothing and logs what to edit",
            SetupCompleteLines,
            Arrange: null,
            Check: run =>
            {
                run.Expect(0, null);
                Assert.Equal(["OEM step 1", "OEM step 2"], run.OemLog());
                Assert.Contains("msiexec was not run", run.PorSetupLog("SetupComplete.log"), StringComparison.Ordinal);
            },
            OemScript: "SetupComplete"),
        new("Change the ID where a newer PorSetup is installed: refused with 1603, nothing changes",
            "msiexec /i PorSetup.msi /qn /norestart PARTNERID=7654321",
            Arrange: run => new PackageInstaller(run.Machine, TestPackages.AtVersion("9.0.0")).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}"),
            Check: run => run.Expect(1603, Id)),

        // porsetup lines: run as written with porsetup.exe, which the Run puts beside PorSetup.msi (as build.ps1
        // puts it in artifacts/), under Wine, in a prefix with no .NET.
        new("porsetup check-id accepts an ID",
            "porsetup check-id 1234567",
            Arrange: null,
            Check: run =>
            {
                run.Expect(0, null);
                Assert.Contains($"PARTNERID accepted: {Id}", run.Output, StringComparison.Ordinal);
            }),
        new("porsetup stamp writes PorSetup-1234567.msi",
            "porsetup stamp PorSetup.msi --partner-id 1234567",
            Arrange: null,
            Check: run =>
            {
                run.Expect(0, null);

                // The copy installs the ID with no property on the command line (as Group Policy runs it), read by
                // the machine's own msiexec rather than msitools (none on Windows; OutputFileTests reads its tables).
                var stamped = Path.Combine(run.Folder, "PorSetup-1234567.msi");
                new PackageInstaller(run.Machine, stamped).InstallProduct(MsiExecReturnCode.SUCCESS);
                Assert.Equal(Id, run.Machine.Registry.Partner);

                // A ProductCode of its own: no 1638 against the MSI it was made from (the guide's remedy for copies
                // stamped by earlier porsetup versions, which kept the original's). The installed product is the
                // copy's, not the original's.
                Assert.True(run.Machine.IsInstalled(stamped));
                Assert.False(run.Machine.IsInstalled(run.Msi));
            }),
        new("porsetup stamp for a new ID writes a new file, which replaces the installed stamped copy (the Group Policy ID change)",
            "porsetup stamp PorSetup.msi --partner-id 7654321",
            Arrange: run =>
            {
                var old = Path.Combine(run.Folder, "PorSetup-1234567.msi");
                Run.Porsetup("stamp", run.Msi, "--partner-id", Id, "--output", old);
                new PackageInstaller(run.Machine, old).InstallProduct(MsiExecReturnCode.SUCCESS);
            },
            Check: run =>
            {
                run.Expect(0, Id);

                // A file and a product of their own, next to the copy a Group Policy package already uses; installed
                // with no property (as Group Policy runs it), it replaces that copy's product and writes the new ID.
                var old = Path.Combine(run.Folder, "PorSetup-1234567.msi");
                var stamped = Path.Combine(run.Folder, "PorSetup-7654321.msi");
                Assert.True(File.Exists(stamped), run.Output);
                new PackageInstaller(run.Machine, stamped).InstallProduct(MsiExecReturnCode.SUCCESS);
                Assert.Equal(NewId, run.Machine.Registry.Partner);
                Assert.True(run.Machine.IsInstalled(stamped));
                Assert.False(run.Machine.IsInstalled(old));
            }),
        new("porsetup transform writes PartnerId-1234567.mst",
            "porsetup transform PorSetup.msi --partner-id 1234567",
            Arrange: null,
            Check: run =>
            {
                run.Expect(0, null);
                Assert.True(File.Exists(Path.Combine(run.Folder, "PartnerId-1234567.mst")), run.Output);
            }),
        new("porsetup inspect shows the ID a transform sets",
            "porsetup inspect PartnerId-1234567.mst",
            Arrange: run => Run.Porsetup("transform", run.Msi, "--partner-id", Id, "--output", Path.Combine(run.Folder, "PartnerId-1234567.mst")),
            Check: run =>
            {
                run.Expect(0, null);
                Assert.Contains(Id, run.Output, StringComparison.Ordinal);
            }),
        new("porsetup status on a server where PorSetup installed the ID: ok, exit 0",
            "porsetup status",
            Arrange: run => run.Install(Id),
            Check: run =>
            {
                run.Expect(0, Id);
                Assert.Contains($"Verdict: ok: the Partner value", run.Output, StringComparison.Ordinal);
                Assert.Contains(InstalledProducts.ProductCode(run.Msi), run.Output, StringComparison.Ordinal);
            }),
        new("porsetup status on a server without PorSetup: no-porsetup, exit 10",
            "porsetup status",
            Arrange: null,
            Check: run =>
            {
                run.Expect(10, null);
                Assert.Contains("Verdict: no-porsetup:", run.Output, StringComparison.Ordinal);
            }),
        new("porsetup status --json on a server whose value was deleted: value-missing, exit 11",
            "porsetup status --json",
            Arrange: run =>
            {
                run.Install(Id);
                run.Machine.Registry.Delete(MachineRegistry.MsoKey, MachineRegistry.PartnerValue);
            },
            Check: run =>
            {
                run.Expect(11, null);
                using var json = System.Text.Json.JsonDocument.Parse(run.Output[run.Output.IndexOf('{', StringComparison.Ordinal)..run.Output.IndexOf(BatchScript.ExitMarker, StringComparison.Ordinal)]);
                Assert.Equal("value-missing", json.RootElement.GetProperty("verdict").GetString());
            }),
        new("porsetup remove puts back the value from before PorSetup",
            "porsetup remove",
            Arrange: run => run.InstallOverAHandSetValue(),
            Check: run => run.ExpectRemoved(HandSet, defaultLog: true)),
        new("porsetup remove run again: nothing to remove, exit 10",
            "porsetup remove",
            Arrange: null,
            Check: run =>
            {
                run.Expect(10, null);
                Assert.Contains("nothing to remove", run.Output, StringComparison.Ordinal);
            }),
        new("porsetup remove --partner keep leaves the current value (UNINSTALLPARTNER=keep)",
            "porsetup remove --partner keep",
            Arrange: run => run.InstallOverAHandSetValue(),
            Check: run => run.ExpectRemoved(Id, defaultLog: true)),
        new("porsetup remove --partner delete deletes the value and puts nothing back, logging where it was told",
            "porsetup remove --partner delete --log removal.log",
            Arrange: run => run.InstallOverAHandSetValue(),
            Check: run =>
            {
                run.ExpectRemoved(null, defaultLog: false);
                Assert.True(File.Exists(Path.Combine(run.Folder, "removal.log")), run.Output);
            }),
        new("porsetup --help lists the commands and the exit codes",
            "porsetup --help",
            Arrange: null,
            Check: run => run.ExpectHelp()),
        new("porsetup.exe --help lists the commands and the exit codes",
            "porsetup.exe --help",
            Arrange: null,
            Check: run => run.ExpectHelp()),

        // Lines for any machine with .NET 10: run on this one, with sh, from a folder whose artifacts/ is build.ps1's.
        new("The .NET tool's --help, on a machine with .NET",
            "dotnet artifacts/porsetup/porsetup.dll --help",
            Arrange: null,
            Check: run => run.ExpectHelp()),
    ];

    // Cmdlets, parameters and syntax that PowerShell 3.0 (Windows Server 2012) does not have.
    private static readonly string[] NewerThanPowerShell3 =
        ["Get-ItemPropertyValue", "::new(", "using namespace", "Get-FileHash", "Write-Information", "-PipelineVariable", "ConvertFrom-String", "Expand-Archive", "Compress-Archive", "Get-Clipboard", "Set-Clipboard", "New-TemporaryFile", "Format-Hex", "Get-ComputerInfo", ".Where(", ".ForEach(", "-Depth "];

    public static TheoryData<string> ScenarioNames => [.. Scenarios.Select(s => s.Name)];

    [Fact]
    public void EveryCommandOfThePages_IsRunHere_OrMarkedWindowsOnly()
    {
        var toRun = DocumentedCommands.All.Where(c => IsRunByScenarios(c) && !(c.Kind == DocumentedCommandKind.BuildMachine && RunsBuildScript(c)));

        var withoutScenario = toRun.Where(c => !Scenarios.Any(s => s.Command == c.Text) && !NotRunHere.Any(n => n.Command == c.Text)).ToList();
        var signingNotNamed = DocumentedCommands.All.Where(c => c.Kind == DocumentedCommandKind.LinuxSigning && !NotRunHere.Any(n => n.Command == c.Text)).ToList();

        Assert.True(withoutScenario.Count == 0, "Commands that this machine could run but no test runs (add a scenario, or mark them Windows only):\n" + string.Join('\n', withoutScenario));
        Assert.True(signingNotNamed.Count == 0, "Signing lines not named in NotRunHere with what runs them:\n" + string.Join('\n', signingNotNamed));
        Assert.Empty(DocumentedCommands.UntaggedBlocks);
    }

    [Fact]
    public void EveryScenario_RunsACommandThatIsStillInThePages()
    {
        var documented = DocumentedCommands.All.Where(IsRunByScenarios).Select(c => c.Text).ToHashSet();
        var all = DocumentedCommands.All.Select(c => c.Text).ToHashSet();

        Assert.All(Scenarios, s => Assert.True(documented.Contains(s.Command), $"\"{s.Name}\" runs a command the pages no longer show, or no longer as a command this machine runs:\n{s.Command}"));
        Assert.All(NotRunHere, n => Assert.True(all.Contains(n.Command), $"NotRunHere names a command the pages no longer show:\n{n.Command}"));
    }

    // The classification of the pages' porsetup lines: every porsetup and porsetup.exe line is run here, none is
    // left to another test, and the .NET tool's line is run on this machine.
    [Fact]
    public void PorsetupLines_AreClassifiedToBeRunHere()
    {
        var porsetup = DocumentedCommands.All.Where(c => c.Text.StartsWith("porsetup", StringComparison.Ordinal)).ToList();

        Assert.Contains(porsetup, c => c.Text == "porsetup.exe --help");
        // Except the lines that sign: porsetup.exe signs with the Windows SDK's signtool, which Wine does not have;
        // the same options are run on Linux, with osslsigncode, by SigningTests (tests/PorSetup.Cli.Tests).
        Assert.All(porsetup, c => Assert.Equal(c.Text.Contains("--sign-with", StringComparison.Ordinal) ? DocumentedCommandKind.WindowsOnly : DocumentedCommandKind.Porsetup, c.Kind));
        Assert.Contains(DocumentedCommands.All, c => c.Text == "dotnet artifacts/porsetup/porsetup.dll --help" && c.Kind == DocumentedCommandKind.BuildMachine);
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

    // A PowerShell script for an RMM agent runs porsetup.exe with the call operator and a quoted path ($env:ProgramData
    // expanded inside double quotes), with arguments that a porsetup line of the pages has, which the scenarios run
    // as written under Wine; it reads $LASTEXITCODE on the very next line, before anything else can change it.
    [Fact]
    public void PowerShellBlocks_RunPorsetupAsTheTestedLines_AndReadItsExitCodeAtOnce()
    {
        var blocks = DocumentedCommands.All.Where(c => c.IsBlock && c.Info.StartsWith("powershell", StringComparison.Ordinal) && c.Text.Contains("porsetup.exe", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block =>
        {
            var lines = block.Text.Split('\n');
            var call = Array.FindIndex(lines, l => l.Contains("porsetup.exe", StringComparison.Ordinal));
            var match = Regex.Match(lines[call], @"& ""\$env:ProgramData\\PorSetup\\porsetup\.exe"" (?<arguments>[a-z][^|;]*?)\s*$");
            Assert.True(match.Success, $"{block}: not a call of porsetup.exe by its quoted path");
            Assert.Contains(Scenarios, s => s.Command == $"porsetup {match.Groups["arguments"].Value}");
            Assert.Equal("$code = $LASTEXITCODE", lines[call + 1].Trim());
        });
    }

    // Each PowerShell block parses without an error in PowerShell's own parser (dotnet pwsh, the repository's tool):
    // quotes, braces and the call operator as written. Run on the build machine; Windows runs the blocks themselves.
    [Fact]
    public void PowerShellBlocks_ParseWithoutErrors()
    {
        WineRehearsal.SkipWithout("PowerShell (dotnet pwsh), to parse the pages' PowerShell blocks", "the Linux test run parses them");
        var blocks = DocumentedCommands.All.Where(c => c.IsBlock && c.Info.StartsWith("powershell", StringComparison.Ordinal)).ToList();
        var folder = TestWorkspace.NewFolder("powershell-blocks");
        try
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"{i}.ps1"), blocks[i].Text);
            }

            var parse = $"Get-ChildItem '{folder}' -Filter *.ps1 | ForEach-Object {{ $e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile($_.FullName, [ref]$null, [ref]$e); foreach ($x in $e) {{ \"$($_.Name): $($x.Message)\" }} }}";
            var result = PorSetup.Testing.Tool.Run("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", parse], workingDirectory: TestArtifacts.RepositoryRoot);

            Assert.True(result.ExitCode == 0 && result.StandardOutput.Trim().Length == 0, $"{result.StandardOutput}{result.StandardError}\nBlocks:\n{string.Join('\n', blocks.Select((b, i) => $"{i}.ps1: {b}"))}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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

        // How the page marks the line says how it is run: cmd on the test machine, porsetup.exe beside the MSI, or
        // the machine that built PorSetup.
        var kind = DocumentedCommands.All.First(c => c.Text == scenario.Command).Kind;
        if (kind == DocumentedCommandKind.Porsetup)
        {
            File.Copy(PorSetupExe.Path, Path.Combine(run.Folder, "porsetup.exe"));
        }

        (run.ExitCode, run.Output) = scenario.OemScript is not null ? run.RunAsExistingOemScript(command)
            : kind == DocumentedCommandKind.BuildMachine ? run.RunOnThisMachine(command)
            : machine.RunBatch($"cd /d \"{machine.WindowsPath(run.Folder)}\"\n{command}");
        scenario.Check(run);
    }

    private static bool IsRunByScenarios(DocumentedCommand command) =>
        command.Kind is DocumentedCommandKind.Runnable or DocumentedCommandKind.Porsetup or DocumentedCommandKind.BuildMachine;

    private static bool RunsBuildScript(DocumentedCommand command) => command.Text.Contains("build.ps1", StringComparison.Ordinal);

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

        public void Expect(int exitCode, string? partner)
        {
            Assert.True(this.ExitCode == exitCode, $"Exit code {this.ExitCode}, expected {exitCode}. Output:\n{this.Output}");
            Assert.Equal(partner, this.Machine.Registry.Partner);
        }

        // porsetup's own help: its commands and its exit codes.
        public void ExpectHelp()
        {
            Assert.True(this.ExitCode == 0, $"Exit code {this.ExitCode}. Output:\n{this.Output}");
            Assert.All(["check-id", "stamp", "transform", "inspect", "status", "remove", "Exit codes"], word => Assert.Contains(word, this.Output, StringComparison.Ordinal));
        }

        // A line for a machine with .NET (sh here, cmd on Windows), run from a folder whose artifacts/ is the one
        // build.ps1 wrote.
        public (int ExitCode, string Output) RunOnThisMachine(string line)
        {
            WineRehearsal.SkipWithout("the .NET runtime (dotnet on PATH), for a line for a machine with .NET");
            var folder = Directory.CreateDirectory(Path.Combine(this.Folder, "build-machine")).FullName;
            Directory.CreateSymbolicLink(Path.Combine(folder, "artifacts"), TestArtifacts.Folder);
            var result = OperatingSystem.IsWindows()
                ? PorSetup.Testing.Tool.Run("cmd", ["/c", line], workingDirectory: folder)
                : PorSetup.Testing.Tool.Run("sh", ["-c", line], workingDirectory: folder);
            return (result.ExitCode, result.StandardOutput + result.StandardError);
        }

        // A value typed by hand before PorSetup, which the uninstall may put back.
        public void InstallOverAHandSetValue()
        {
            this.Machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, HandSet);
            this.Install(Id);
        }

        // porsetup remove succeeded: no PorSetup left, the value as expected; its default log, which it printed, is in
        // the machine's temporary folder, so removed here.
        public void ExpectRemoved(string? partner, bool defaultLog)
        {
            this.Expect(0, partner);
            Assert.Empty(this.Machine.PorSetupProductCodes());
            if (defaultLog)
            {
                const string Prefix = "msiexec's log: ";
                var log = this.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(Prefix, StringComparison.Ordinal))[Prefix.Length..];
                File.Delete(this.Machine.HostPath(log));
            }
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
