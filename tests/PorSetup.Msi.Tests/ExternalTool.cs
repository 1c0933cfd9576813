// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;

namespace PorSetup.Msi.Tests;

/// <summary>Runs the msitools programs that check our files independently of our own reader.</summary>
internal static class ExternalTool
{
    public static IReadOnlyList<string> Missing(params string[] tools) =>
        tools.Where(t => !(Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, t)))).ToList();

    /// <summary>Runs a tool and returns its standard output; fails the test on a non-zero exit code.</summary>
    public static string Run(string tool, params string[] arguments) => RunIn(Environment.CurrentDirectory, tool, arguments);

    public static string RunIn(string directory, string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {tool}.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        return output;
    }
}
