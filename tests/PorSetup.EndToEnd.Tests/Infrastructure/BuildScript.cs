// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>build.ps1, run as the README says (dotnet pwsh), from the repository's root.</summary>
public static class BuildScript
{
    /// <summary>The test collection of the classes that run build.ps1: never two builds of one checkout at once.</summary>
    public const string Collection = "build.ps1";

    /// <param name="password">The value of PORSETUP_PFX_PASSWORD for this run, or null to leave it unset.</param>
    /// <param name="trace">Where <see cref="CommandLineTrace"/> records every command line the build starts, or null.</param>
    public static ToolResult Run(IEnumerable<string> arguments, string? password, string? trace = null)
    {
        WineRehearsal.SkipWithout("the .NET SDK and PowerShell (dotnet pwsh build.ps1)");
        string[] command = [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", "pwsh", "-NoProfile", Path.Combine(TestArtifacts.RepositoryRoot, "build.ps1"), .. arguments];
        if (trace is not null)
        {
            command = [.. CommandLineTrace.Prefix(trace), .. command];
        }

        return Tool.Run(
            command[0],
            command[1..],
            new Dictionary<string, string?> { ["PORSETUP_PFX_PASSWORD"] = password },
            workingDirectory: TestArtifacts.RepositoryRoot,
            timeout: TimeSpan.FromMinutes(30));
    }
}
