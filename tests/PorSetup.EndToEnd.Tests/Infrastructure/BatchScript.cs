// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Text.RegularExpressions;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A batch file as both machines run it: the script, then a line that echoes %ERRORLEVEL%, read back from the
/// output as the script's real 32-bit exit code (Wine's own exit code is only its low 8 bits).
/// </summary>
public static partial class BatchScript
{
    /// <summary>What starts the script's last line of output, before its exit code.</summary>
    public const string ExitMarker = "porsetup-exit=";

    public static string Text(string script) =>
        $"@echo off\r\n{script.ReplaceLineEndings("\r\n")}\r\necho {ExitMarker}%ERRORLEVEL%\r\n";

    public static int ExitCode(string script, string standardOutput, string standardError)
    {
        var match = ExitLine().Match(standardOutput);
        return match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No exit code from:\n{script}\n{standardOutput}\n{standardError}");
    }

    [GeneratedRegex(@"porsetup-exit=(-?\d+)")]
    private static partial Regex ExitLine();
}
