// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>The porsetup command-line tool as build.ps1 published it (artifacts/porsetup), run as an administrator would.</summary>
public static class PorSetupTool
{
    public static ToolResult Run(params string[] arguments)
    {
        WineRehearsal.SkipWithout("the .NET runtime of the SDK (dotnet artifacts/porsetup/porsetup.dll)");
        var tool = Path.Combine(TestArtifacts.Folder, "porsetup", "porsetup.dll");
        if (!File.Exists(tool))
        {
            throw new FileNotFoundException($"{tool} is missing: run 'dotnet pwsh ./build.ps1' first.", tool);
        }

        return Tool.Run("dotnet", [tool, .. arguments]);
    }
}
