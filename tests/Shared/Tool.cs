// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;

namespace PorSetup.Testing;

/// <summary>Runs an external program for a test (msiinfo, wine, git, pwsh...) with arguments passed verbatim, no shell.</summary>
public static class Tool
{
    /// <param name="timeout">How long the program may run before it is killed (with its children) and an error raised.</param>
    /// <param name="describeTimeout">Says what was running when the timeout struck, for the error; called before the kill.</param>
    public static ToolResult Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null, TimeSpan? timeout = null, Func<string>? describeTimeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan))
        {
            var description = describeTimeout?.Invoke();
            process.Kill(entireProcessTree: true);
            // What it printed before the kill, where the pipes closed with it (a grandchild may hold them open).
            var printed = Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(10)) ? $"\nIt printed:\n{stdout.Result}{stderr.Result}" : string.Empty;
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.{(description is null ? string.Empty : "\n" + description)}{printed}");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a tool and throws with its output when it fails.</summary>
    public static string RunChecked(string fileName, params string[] arguments)
    {
        var result = Run(fileName, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed with exit code {result.ExitCode}:\n{result.StandardError}{result.StandardOutput}");
        }

        return result.StandardOutput;
    }
}
