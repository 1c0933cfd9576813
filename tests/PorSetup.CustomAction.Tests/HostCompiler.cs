// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// Clang for this host, where the Linux build has it (the proxy's cross-compiler): native code of the custom
/// action that does not depend on Windows is compiled for the host and run here by the tests.
/// </summary>
public static class HostCompiler
{
    /// <summary>Why host-compiled checks cannot run here, or null when they can.</summary>
    public static string? Missing { get; } = FindMissing();

    /// <summary>Runs a program with arguments; its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>Compiles with the compiler (clang or clang++) and arguments given, then runs the program: what it printed.</summary>
    public static string CompileAndRun(string compiler, string folder, params string[] arguments)
    {
        var program = Path.Combine(folder, "check");
        var compiled = Run(compiler, [.. arguments, "-o", program]);
        Assert.True(compiled.ExitCode == 0, compiled.Output);

        var run = Run(program);
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output;
    }

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return "the host-compiled checks run on the x64 Linux build host only (some of the code is x64 assembly).";
        }

        return Run("sh", "-c", "command -v clang && command -v clang++").ExitCode == 0
            ? null
            : "clang and clang++ are not on PATH (Debian: apt-get install clang; build.ps1 installs it).";
    }
}
