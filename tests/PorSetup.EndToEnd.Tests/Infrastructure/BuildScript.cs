// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>build.ps1, run as the README says (dotnet pwsh), from the repository's root.</summary>
public static class BuildScript
{
    /// <param name="password">The value of PORSETUP_PFX_PASSWORD for this run, or null to leave it unset.</param>
    public static ToolResult Run(IEnumerable<string> arguments, string? password)
    {
        WineRehearsal.SkipWithout("the .NET SDK and PowerShell (dotnet pwsh build.ps1)");
        return Tool.Run(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ["pwsh", "-NoProfile", Path.Combine(TestArtifacts.RepositoryRoot, "build.ps1"), .. arguments],
            new Dictionary<string, string?> { ["PORSETUP_PFX_PASSWORD"] = password },
            workingDirectory: TestArtifacts.RepositoryRoot,
            timeout: TimeSpan.FromMinutes(30));
    }
}
