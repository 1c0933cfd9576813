// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction.Tests;

/// <summary>Runs <c>x86_64-w64-mingw32-objdump -p</c>, which prints a PE file's headers, imports and exports.</summary>
public static class Objdump
{
    public const string FileName = "x86_64-w64-mingw32-objdump";

    public static string? Path { get; } = ProgramPath.Find(FileName);

    public static string PrivateHeaders(string file) => Run("-p", file);

    /// <summary>objdump with one option (-p, -h, -t) on a file: what it prints.</summary>
    public static string Run(string option, string file)
    {
        var result = Tool.Run(Path ?? FileName, [option, file]);
        Assert.True(result.ExitCode == 0, $"objdump {option} failed: {result.StandardError}");
        return result.StandardOutput;
    }
}
