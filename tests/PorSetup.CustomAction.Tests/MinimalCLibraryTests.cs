// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// The C library functions the worker defines for itself instead of importing the Universal CRT (MinimalCrt.cpp):
/// compiled for this host with clang++ and run against the host's C library (Native/MinimalCLibraryCheck.cpp).
/// x64 only: memmove and log are x64 assembly.
/// </summary>
public sealed class MinimalCLibraryTests
{
    private const string SectionStart = "// ---- The C library functions the runtime calls";
    private const string SectionEnd = "} // extern \"C\"";

    [Fact]
    public void TheCLibraryFunctions_BehaveAsTheHostsDo()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64 || Run("sh", "-c", "command -v clang++").ExitCode != 0)
        {
            return; // the build host of the cross-link has clang++; elsewhere there is nothing to compile this with
        }

        var root = PorSetup.Testing.RepositoryRoot.Path;
        var source = File.ReadAllText(Path.Combine(root, "src", "PorSetup.CustomAction", "Native", "MinimalCrt.cpp"));
        var start = source.IndexOf(SectionStart, StringComparison.Ordinal);
        var end = source.IndexOf(SectionEnd, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "MinimalCrt.cpp's C library section was not found.");

        var folder = Directory.CreateTempSubdirectory("porsetup-crt-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "lib.inc"), source[start..end]);
            var check = Path.Combine(root, "tests", "PorSetup.CustomAction.Tests", "Native", "MinimalCLibraryCheck.cpp");
            var program = Path.Combine(folder, "check");
            var compiled = Run("clang++", "-O1", "-fno-builtin", "-w", "-I", folder, check, "-o", program);
            Assert.True(compiled.ExitCode == 0, compiled.Output);

            var run = Run(program);
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal("all ok", run.Output.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
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
}
