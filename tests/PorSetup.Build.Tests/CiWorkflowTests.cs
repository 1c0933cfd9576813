// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build.Tests;

/// <summary>.github/workflows/ci.yml, which cannot run here: its jobs run the README's commands.</summary>
public sealed class CiWorkflowTests
{
    private static string Workflow => RepositoryFiles.ReadText(".github/workflows/ci.yml");

    [Fact]
    public void TheLinuxJob_RunsCiRun()
    {
        var linux = Job("linux");

        Assert.Contains("run: bash .ci/run", linux, StringComparison.Ordinal);
        Assert.Contains("dotnet pwsh ./build.ps1 -Test", RepositoryFiles.ReadText(".ci/run"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheWindowsJob_InstallsLlvm_TestsAgainstThisMachine_AndUploadsWhatItMade()
    {
        var windows = Job("windows");

        Assert.Contains("runs-on: windows-2022", windows, StringComparison.Ordinal);
        Assert.Contains("PORSETUP_TEST_MACHINE: local", windows, StringComparison.Ordinal);
        Assert.Contains(@"PORSETUP_MSIEXEC_LOGS: ${{ github.workspace }}\artifacts\msiexec-logs", windows, StringComparison.Ordinal);
        Assert.Contains("choco install llvm", windows, StringComparison.Ordinal);
        Assert.Contains("dotnet tool restore\n          dotnet pwsh ./build.ps1 -Test", windows, StringComparison.Ordinal);
        Assert.Contains("if: always()", windows, StringComparison.Ordinal);
        foreach (var upload in new[] { "artifacts/PorSetup.msi", "artifacts/test-results/", "artifacts/msiexec-logs/" })
        {
            Assert.Contains(upload, windows, StringComparison.Ordinal);
        }
    }

    // A job's text: from "  <name>:" to the next job or the end.
    private static string Job(string name)
    {
        var workflow = Workflow.Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = workflow.IndexOf($"\n  {name}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No job '{name}' in ci.yml.");
        var next = workflow.IndexOf("\n  # ", start + 1, StringComparison.Ordinal);
        return next < 0 ? workflow[start..] : workflow[start..next];
    }
}
