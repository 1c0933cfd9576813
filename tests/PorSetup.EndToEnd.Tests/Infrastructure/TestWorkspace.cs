// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Where a test run keeps its Wine prefixes and the package variants it builds: one folder, /tmp/porsetup-e2e-&lt;pid&gt;.
/// The test host is stopped without running exit handlers, so a run cannot remove its own folder: each run removes
/// the folders of earlier runs whose process has ended instead. Paths stay short on purpose: Wine puts its server
/// socket under TMPDIR, and a Unix socket path may not exceed 107 bytes. One folder also keeps the template prefix
/// and its hard-linked copies on the same file system.
/// </summary>
public static class TestWorkspace
{
    /// <summary>How the run folders begin (the local machine leaves them out of what it compares).</summary>
    public const string FolderPrefix = "porsetup-e2e-";

    private static readonly Lazy<string> RunFolder = new(() =>
    {
        RemoveFoldersOfEndedRuns();
        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}")).FullName;
    });

    /// <summary>A new, empty folder for one use.</summary>
    public static string NewFolder(string name) =>
        Directory.CreateDirectory(Path.Combine(RunFolder.Value, $"{name}-{Guid.NewGuid().ToString("N")[..8]}")).FullName;

    private static void RemoveFoldersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(folder)[FolderPrefix.Length..], out var pid) && !IsRunning(pid))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
