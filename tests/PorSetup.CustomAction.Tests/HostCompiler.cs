// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.InteropServices;
using PorSetup.Testing;

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// Clang for this host, where the Linux build has it (the proxy's cross-compiler): native code of the custom
/// action that does not depend on Windows is compiled for the host and run here by the tests.
/// </summary>
public static class HostCompiler
{
    /// <summary>Why host-compiled checks cannot run here, or null when they can.</summary>
    public static string? Missing { get; } = FindMissing();

    /// <summary>Compiles with the compiler (clang or clang++) and arguments given, then runs the program: what it printed.</summary>
    public static string CompileAndRun(string compiler, string folder, params string[] arguments)
    {
        var program = Path.Combine(folder, "check");
        var compiled = Tool.Run(compiler, [.. arguments, "-o", program]);
        Assert.True(compiled.ExitCode == 0, compiled.Output);

        var run = Tool.Run(program, []);
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output;
    }

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return "the host-compiled checks run on the x64 Linux build host only (some of the code is x64 assembly).";
        }

        return Tool.Run("sh", ["-c", "command -v clang && command -v clang++"]).ExitCode == 0
            ? null
            : "clang and clang++ are not on PATH (Debian: apt-get install clang; build.ps1 installs it).";
    }
}
