// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// artifacts/porsetup.exe, the self-contained win-x64 tool build.ps1 publishes for Windows administrators, run on the
/// test machine: with wine in a prefix that has no .NET, as a server with none would run it, or on this Windows.
/// Paths are passed as Windows paths.
/// </summary>
public sealed class PorSetupExe(TestMachine machine)
{
    public static string Path
    {
        get
        {
            var exe = System.IO.Path.Combine(TestArtifacts.Folder, "porsetup.exe");
            return File.Exists(exe) ? exe : throw new FileNotFoundException($"{exe} is missing: run 'dotnet pwsh ./build.ps1' first.", exe);
        }
    }

    /// <summary>Runs porsetup.exe; its own exit codes (0 to 14) fit wine's 8-bit exit code.</summary>
    public ToolResult Run(params string[] arguments) => machine.RunProgram(Path, arguments);

    /// <summary>
    /// Runs porsetup.exe from cmd.exe, for its whole 32-bit exit code (remove passes msiexec's 1603 or 3010 through,
    /// which wine's own exit code would cut to 8 bits), with its error stream in the output.
    /// </summary>
    public (int ExitCode, string Output) RunFromCmd(params string[] arguments) =>
        machine.RunBatch(string.Join(' ', [$"\"{machine.WindowsPath(Path)}\"", .. arguments.Select(a => $"\"{a}\"")]) + " 2>&1");
}
