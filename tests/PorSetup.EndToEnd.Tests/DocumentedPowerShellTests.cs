// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.Json;
using PorSetup.EndToEnd.Tests.Infrastructure;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// The PowerShell blocks of README.md and docs/guide.md. They are Windows only (an RMM agent's PowerShell on the
/// server), so DocumentedCommandTests does not run them under Wine; here they go through PowerShell itself (dotnet
/// pwsh): every block is parsed by PowerShell's parser, and every line that starts msiexec runs on Linux against a
/// stand-in msiexec.exe that records the arguments it receives. What these tests cannot show is Windows' side: the
/// registry, WinRM, Group Policy, the event log, and msiexec itself.
/// </summary>
public sealed class DocumentedPowerShellTests
{
    private const string UpgradeCode = "{04642C1E-F2AA-4081-867C-BB71239DB337}";

    // What RelatedProducts answers on the stand-in server: one installed PorSetup product.
    private const string InstalledProductCode = "{8D3A1C5E-0B7F-4E2A-9C61-5F2E7D4B3A90}";

    // The stand-in msiexec's exit code: the line must print it (a shell exit code is one byte, so not 1603).
    private const int StandInExitCode = 42;

    /// <summary>
    /// Each PowerShell line of the pages that starts msiexec, with the argument lists msiexec must receive, one per
    /// run. A line of the pages that starts msiexec and is not here, or a line here that the pages no longer show,
    /// fails <see cref="EveryPowerShellLineThatStartsMsiexec_IsRunHere"/>.
    /// </summary>
    private static readonly (string Line, string[][] Runs)[] MsiexecLines =
    [
        ("(Start-Process -FilePath msiexec.exe -ArgumentList \"/i PorSetup.msi /qn /norestart PARTNERID=1234567 /l*v `\"$env:WINDIR\\Logs\\PorSetup.log`\"\" -Wait -PassThru).ExitCode",
            [["/i", "PorSetup.msi", "/qn", "/norestart", "PARTNERID=1234567", "/l*v", @"C:\Windows\Logs\PorSetup.log"]]),
        ("foreach ($code in (New-Object -ComObject WindowsInstaller.Installer).RelatedProducts('{04642C1E-F2AA-4081-867C-BB71239DB337}')) { (Start-Process -FilePath msiexec.exe -ArgumentList \"/x $code /qn /norestart /l*v `\"$env:WINDIR\\Logs\\PorSetup-uninstall.log`\"\" -Wait -PassThru).ExitCode }",
            [["/x", InstalledProductCode, "/qn", "/norestart", "/l*v", @"C:\Windows\Logs\PorSetup-uninstall.log"]]),
    ];

    // Lines that are wrong in PowerShell, each with what the inspection must say of it: proof that it can fail.
    private static readonly (string Line, string Finding)[] WrongLines =
    [
        ($"msiexec /x {UpgradeCode} /qn /norestart", "script block passed to msiexec"),
        ("msiexec /i PorSetup.msi /qn /norestart PARTNERID=1234567 /l*v \"%WINDIR%\\Logs\\PorSetup.log\"", "cmd.exe variable in PowerShell"),
        ("Start-Process -FilePath msiexec.exe -ArgumentList '/i PorSetup.msi /l*v %WINDIR%\\Logs\\PorSetup.log'", "cmd.exe variable in PowerShell"),
        ("Get-WinEvent -FilterHashtable @{ LogName = 'Application' ", "parse error"),
    ];

    private static IEnumerable<DocumentedCommand> PowerShellBlocks =>
        DocumentedCommands.All.Where(c => c.IsBlock && c.Info.StartsWith("powershell", StringComparison.Ordinal));

    public static TheoryData<string> MsiexecLineTexts => [.. MsiexecLines.Select(l => l.Line)];

    [Fact]
    public void EveryPowerShellLineThatStartsMsiexec_IsRunHere()
    {
        var documented = PowerShellBlocks.Where(b => b.Text.Contains("msiexec", StringComparison.OrdinalIgnoreCase)).Select(b => b.Text).ToList();

        Assert.NotEmpty(documented);
        Assert.All(documented, text => Assert.True(MsiexecLines.Any(l => l.Line == text), $"A PowerShell line of the pages starts msiexec and no test runs it (add it to MsiexecLines):\n{text}"));
        Assert.All(MsiexecLines, l => Assert.True(documented.Contains(l.Line), $"MsiexecLines runs a line the pages no longer show:\n{l.Line}"));
    }

    [Fact]
    public void EveryPowerShellBlock_ParsesAndPassesNoScriptBlockOrCmdVariable()
    {
        var blocks = PowerShellBlocks.ToList();
        var findings = Inspect([.. WrongLines.Select(w => w.Line), .. blocks.Select(b => b.Text)]);

        // The wrong lines first: each must be caught, or the inspection proves nothing.
        for (var i = 0; i < WrongLines.Length; i++)
        {
            Assert.True(findings[i].Any(f => f.StartsWith(WrongLines[i].Finding, StringComparison.Ordinal)), $"The inspection did not catch \"{WrongLines[i].Finding}\" in:\n{WrongLines[i].Line}\nIt said: {string.Join("; ", findings[i])}");
        }

        var wrong = blocks.Select((block, i) => (block, found: findings[WrongLines.Length + i])).Where(x => x.found.Length > 0).ToList();
        Assert.True(wrong.Count == 0, "PowerShell blocks that would not run as written on a server:\n" + string.Join('\n', wrong.Select(x => $"{x.block}\n  {string.Join("\n  ", x.found)}")));
    }

    [Theory]
    [MemberData(nameof(MsiexecLineTexts))]
    public void PowerShellLineThatStartsMsiexec_PassesTheArgumentsAsWritten_AndPrintsTheExitCode(string line)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("The stand-in msiexec.exe is a shell script, which only Linux runs from PATH by that name; on Windows the real msiexec would run.");
            return;
        }

        var expected = MsiexecLines.Single(l => l.Line == line).Runs;
        var folder = Directory.CreateTempSubdirectory("porsetup-pwsh-").FullName;
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
            var standIn = Path.Combine(bin, "msiexec.exe");
            File.WriteAllText(standIn, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\037' \"$a\"; done >> \"$PORSETUP_STANDIN_LOG\"\nprintf '\\036' >> \"$PORSETUP_STANDIN_LOG\"\nexit \"$PORSETUP_STANDIN_EXIT\"\n");
            File.SetUnixFileMode(standIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var lineFile = Path.Combine(folder, "line.ps1");
            File.WriteAllText(lineFile, line);
            var log = Path.Combine(folder, "msiexec-arguments");

            var result = Pwsh(
                ["-File", TestScript("MsiexecStandIn.ps1"), "-LineFile", lineFile, "-ProductCode", InstalledProductCode],
                new Dictionary<string, string?>
                {
                    ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                    ["WINDIR"] = @"C:\Windows",
                    ["PORSETUP_STANDIN_LOG"] = log,
                    ["PORSETUP_STANDIN_EXIT"] = StandInExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });

            Assert.True(result.ExitCode == 0, $"PowerShell failed ({result.ExitCode}):\n{result.StandardError}{result.StandardOutput}");
            var runs = File.Exists(log)
                ? File.ReadAllText(log).Split('\x1e', StringSplitOptions.RemoveEmptyEntries).Select(run => run.Split('\x1f', StringSplitOptions.RemoveEmptyEntries)).ToArray()
                : [];
            Assert.Equal(expected, runs);
            Assert.Equal(Enumerable.Repeat(StandInExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), expected.Length), result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Findings for each block, in order (see TestData/PowerShell/Inspect-Blocks.ps1).
    private static string[][] Inspect(IReadOnlyList<string> blocks)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(blocks));
            var result = Pwsh(["-File", TestScript("Inspect-Blocks.ps1"), "-BlocksFile", file], null);
            Assert.True(result.ExitCode == 0, $"PowerShell failed ({result.ExitCode}):\n{result.StandardError}{result.StandardOutput}");
            var findings = JsonSerializer.Deserialize<string[][]>(result.StandardOutput) ?? [];
            Assert.Equal(blocks.Count, findings.Length);
            return findings;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string TestScript(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "PowerShell", name);

    // PowerShell as the repository's tool manifest pins it (dotnet pwsh), from the repository's root.
    private static ToolResult Pwsh(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        WineRehearsal.SkipWithout("the .NET SDK and PowerShell (dotnet pwsh)");
        return Tool.Run(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ["pwsh", "-NoProfile", "-NonInteractive", .. arguments],
            environment,
            workingDirectory: TestArtifacts.RepositoryRoot,
            timeout: TimeSpan.FromMinutes(5));
    }
}
