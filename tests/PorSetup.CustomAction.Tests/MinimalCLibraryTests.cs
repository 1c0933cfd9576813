// Copyright (c) PorSetup contributors. MIT licensed.

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

    [HostCompilerFact]
    public void TheCLibraryFunctions_BehaveAsTheHostsDo()
    {
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
            var output = HostCompiler.CompileAndRun("clang++", folder, "-O1", "-fno-builtin", "-w", "-I", folder, check);
            Assert.Equal("all ok", output.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
