// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;

namespace PorSetup.Bench;

/// <summary>Processes that the clean build or its test run left behind in the benchmark's folder.</summary>
internal static class LeftoverProcesses
{
    /// <summary>Stops, by process id, every process whose working folder or environment points into the folder.</summary>
    public static void Stop(string folder)
    {
        var marker = "=" + folder + "/";
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).LinkTarget ?? string.Empty;
                if (cwd.StartsWith(folder, StringComparison.Ordinal) || File.ReadAllText(Path.Combine(entry, "environ")).Contains(marker, StringComparison.Ordinal))
                {
                    Progress.Say($"Stopping process {pid}, left by the clean build or its tests.");
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Ended meanwhile, or not ours.
            }
        }
    }
}
