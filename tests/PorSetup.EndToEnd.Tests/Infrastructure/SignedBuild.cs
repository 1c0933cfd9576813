// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One signed build for a test class: build.ps1 -SignWith with a throw-away code-signing certificate and
/// -PartnerId, into a folder of its own (-Output), the password given to build.ps1 through
/// PORSETUP_PFX_PASSWORD only, every command line it starts recorded where strace is installed
/// (<see cref="CommandLineTrace"/>). Not made where osslsigncode is missing (the tests skip there).
/// </summary>
public sealed class SignedBuild : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("porsetup-signed-build-").FullName;

    public SignedBuild()
    {
        Signing = new TestSigning();
        Output = Path.Combine(root, "out");
        if (TestSigning.OsslsigncodeMissing is null)
        {
            Result = Run(Output, "1234567", Trace);
        }
    }

    public TestSigning Signing { get; }

    /// <summary>The folder build.ps1 wrote into, in place of artifacts/.</summary>
    public string Output { get; }

    public ToolResult? Result { get; }

    /// <summary>The command lines the build started, or null where strace is missing.</summary>
    public string? Trace => CommandLineTrace.Missing is null ? Path.Combine(root, "execve.trace") : null;

    public string Msi => Path.Combine(Output, "PorSetup.msi");

    public string StampedMsi => Path.Combine(Output, "PorSetup-1234567.msi");

    public string Worker => Path.Combine(Output, "ca", "PorSetup.CustomAction.exe");

    public string Proxy => Path.Combine(Output, "ca", "PorSetup.CustomAction.Proxy.dll");

    public string PorSetupExe => Path.Combine(Output, "porsetup.exe");

    /// <summary>What build.ps1 -PartnerId <paramref name="partnerId"/> writes into <paramref name="output"/> (README), files and folders.</summary>
    public static IReadOnlyList<string> DocumentedOutputs(string output, string partnerId) =>
        [.. new[] { "PorSetup.msi", $"PorSetup-{partnerId}.msi", "porsetup.exe", "ca", "porsetup" }.Select(name => Path.Combine(output, name))];

    /// <summary>Whether a recorded command line holds the test password (or its middle, whatever quoting strace wrote around it).</summary>
    public static bool HoldsThePassword(string commandLine) =>
        commandLine.Contains(TestSigning.Password, StringComparison.Ordinal) || commandLine.Contains("pass word", StringComparison.Ordinal);

    /// <summary>Puts an earlier build's stand-ins where build.ps1 writes: each file holds <paramref name="marker"/>, each folder a file of that name.</summary>
    public static void PlantEarlierOutputs(IEnumerable<string> outputs, string marker)
    {
        foreach (var path in outputs)
        {
            if (Path.HasExtension(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, marker);
            }
            else
            {
                Directory.CreateDirectory(path);
                File.WriteAllText(Path.Combine(path, marker), marker);
            }
        }
    }

    /// <summary>build.ps1 -SignWith with this fixture's certificate, into <paramref name="output"/>.</summary>
    public ToolResult Run(string output, string partnerId, string? trace) =>
        BuildScript.Run(["-SignWith", Signing.CodeSigningPfx, "-PartnerId", partnerId, "-Output", output], TestSigning.Password, trace);

    public void Dispose()
    {
        Signing.Dispose();
        Directory.Delete(root, recursive: true);
    }
}
