// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.RegularExpressions;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Every command line a program and all its descendants start, as the kernel received them: strace -f records each
/// execve(2) (filtered in the kernel with --seccomp-bpf, so the build is not slowed), strings in full (-s).
/// What a process-creation audit (Windows' event 4688 with command lines, auditd's execve records) would keep.
/// </summary>
public static partial class CommandLineTrace
{
    /// <summary>Why a trace cannot be made here, or null when strace is on PATH.</summary>
    public static string? Missing =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, "strace")))
            ? null
            : "strace is not on PATH (Debian: apt-get install strace; build.ps1 installs it): it records the command lines the build starts.";

    /// <summary>The arguments to put before a command to record its command lines into <paramref name="file"/>.</summary>
    public static string[] Prefix(string file) => ["strace", "-f", "--seccomp-bpf", "-e", "trace=execve", "-s", "1000000", "-o", file];

    /// <summary>
    /// The programs started and their command lines, as strace writes them (C escapes in quotes):
    /// <c>"/usr/bin/osslsigncode" ["/usr/bin/osslsigncode", "sign", ...]</c>. The environment is not recorded.
    /// </summary>
    public static IReadOnlyList<string> Read(string file) =>
        [.. File.ReadLines(file).Select(line => Execve().Match(line)).Where(m => m.Success).Select(m => $"{m.Groups["program"].Value} [{m.Groups["argv"].Value}]")];

    // 1234 execve("/usr/bin/osslsigncode", ["/usr/bin/osslsigncode", "sign", ...], 0x7ffd... /* 40 vars */) = 0
    [GeneratedRegex(@"^\d+\s+execve\((?<program>""(?:[^""\\]|\\.)*""), \[(?<argv>.*)\], 0x[0-9a-f]+")]
    private static partial Regex Execve();
}
