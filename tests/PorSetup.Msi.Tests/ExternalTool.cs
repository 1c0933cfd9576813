// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.Msi.Tests;

/// <summary>Runs the msitools programs that check our files independently of our own reader.</summary>
internal static class ExternalTool
{
    /// <summary>Runs a tool and returns its standard output; fails the test on a non-zero exit code.</summary>
    public static string Run(string tool, params string[] arguments) => RunIn(Environment.CurrentDirectory, tool, arguments);

    public static string RunIn(string directory, string tool, params string[] arguments)
    {
        var result = Tool.Run(tool, arguments, workingDirectory: directory);
        Assert.True(result.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput;
    }
}
