// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Text.RegularExpressions;

namespace PorSetup.Bench;

/// <summary>The header's lines: what the numbers were measured on.</summary>
internal static partial class MachineDescription
{
    public static string Machine()
    {
        var cpu = ModelName().Match(File.ReadAllText("/proc/cpuinfo")) is { Success: true } m ? m.Groups[1].Value.Trim() : "unknown CPU";
        var memory = MemTotal().Match(File.ReadAllText("/proc/meminfo")) is { Success: true } k ? double.Parse(k.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 / 1024 : double.NaN;
        var wine = ProgramPath.Exists("wine") ? Tool.Run("wine", ["--version"]).StandardOutput.Trim() : "wine missing";
        return string.Create(CultureInfo.InvariantCulture, $"Machine: nproc {Environment.ProcessorCount}, {memory:0.0} GiB RAM, CPU {cpu}, {wine}, kernel {Environment.OSVersion.Version}, load avg at the start {Load()}");
    }

    public static string Repository(string artifacts)
    {
        var head = Tool.Run("git", ["-C", RepositoryRoot.Path, "rev-parse", "--short", "HEAD"]).StandardOutput.Trim();
        var dirty = Tool.Run("git", ["-C", RepositoryRoot.Path, "status", "--porcelain"]).StandardOutput.Length > 0 ? ", working tree has uncommitted changes" : string.Empty;
        return $"Repo: {RepositoryRoot.Path} at {head}{dirty}; artifacts: {artifacts}";
    }

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    [GeneratedRegex(@"^model name\s*:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex ModelName();

    [GeneratedRegex(@"^MemTotal:\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex MemTotal();
}
