// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;

namespace PorSetup.CustomAction.Tests;

/// <summary>Runs <c>x86_64-w64-mingw32-objdump -p</c>, which prints a PE file's headers, imports and exports.</summary>
public static class Objdump
{
    public const string FileName = "x86_64-w64-mingw32-objdump";

    public static string? Path { get; } = Find();

    public static string PrivateHeaders(string file) => Run("-p", file);

    /// <summary>objdump with one option (-p, -h, -t) on a file: what it prints.</summary>
    public static string Run(string option, string file)
    {
        var start = new ProcessStartInfo(Path ?? FileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(option);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"objdump {option} failed: {error}");
        return output.Result;
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => new[] { System.IO.Path.Combine(directory, FileName), System.IO.Path.Combine(directory, FileName + ".exe") })
            .FirstOrDefault(File.Exists);
}
