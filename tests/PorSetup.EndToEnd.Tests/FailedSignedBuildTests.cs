// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// A signed build that fails leaves nothing at the places build.ps1 documents: neither an earlier build's files,
/// which it removed before it started, nor its own, which it signs in its staging folder and moves to their places
/// only once complete. And no command line it started holds the password, failure or not.
/// </summary>
[Collection(BuildScript.Collection)]
public sealed class FailedSignedBuildTests : IDisposable
{
    private const string RefusedId = "12345a7";
    private readonly TestSigning signing = new();
    private readonly string root = Directory.CreateTempSubdirectory("porsetup-failed-build-").FullName;

    [OsslsigncodeFact]
    public void ABuildThatFailsAtItsLastStep_LeavesNoOutput_NeitherItsOwnNorAnEarlierOnes()
    {
        var output = Path.Combine(this.root, "out");
        var outputs = SignedBuild.DocumentedOutputs(output, RefusedId);
        SignedBuild.PlantEarlierOutputs(outputs, "earlier-build");
        var trace = CommandLineTrace.Missing is null ? Path.Combine(this.root, "execve.trace") : null;

        // Everything is built and signed; then the stamp refuses the ID (letters): the last step fails.
        var result = BuildScript.Run(["-SignWith", this.signing.CodeSigningPfx, "-PartnerId", RefusedId, "-Output", output], TestSigning.Password, trace);

        var said = result.StandardOutput + result.StandardError;
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("failed with exit code 2", said, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSigning.Password, said, StringComparison.Ordinal);
        var left = outputs.Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        Assert.True(left.Count == 0, $"The failed build left:\n{string.Join('\n', left)}");
        Assert.Empty(Directory.GetFileSystemEntries(output));
        if (trace is not null)
        {
            var commandLines = CommandLineTrace.Read(trace);
            Assert.Contains(commandLines, c => c.Contains("osslsigncode\" [\"", StringComparison.Ordinal) && c.Contains("PorSetup.msi\"", StringComparison.Ordinal));
            Assert.DoesNotContain(commandLines, SignedBuild.HoldsThePassword);
        }
    }

    public void Dispose()
    {
        this.signing.Dispose();
        Directory.Delete(this.root, recursive: true);
    }
}
