// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The parts of a machine an installer could leave something in. For a Wine prefix: every registry key and value
/// under HKLM\SOFTWARE (64-bit view, which includes WOW6432Node) and every file and folder on drive C:; for the
/// local machine, what <see cref="LocalMachine.TakeSnapshot"/> lists. Two snapshots compare line by line, so a
/// failure names exactly what was left behind.
/// </summary>
/// <remarks>
/// Not counted: Windows Installer's own empty registration keys (Classes\Installer, CurrentVersion\Installer)
/// and its folder C:\Windows\Installer. Windows has them from the start; Wine creates them on first use and does
/// not prune them. A key there with any value in it (a registered product, a component), or a file in the folder,
/// still counts. Nor Wine's inventory of the host's network adapters (Windows NT\CurrentVersion\NetworkCards),
/// which Wine's services write whenever they get to it, at no fixed point of a test.
/// </remarks>
public sealed record MachineSnapshot(IReadOnlySet<string> Registry, IReadOnlySet<string> Files)
{
    private static readonly string[] InstallerTrees =
    [
        @"[HKEY_LOCAL_MACHINE\SOFTWARE\Classes\Installer",
        @"[HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Installer",
    ];

    private static readonly string[] WineInventoryTrees =
    [
        @"[HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion\NetworkCards",
        @"[HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\Windows NT\CurrentVersion\NetworkCards",
    ];

    private static readonly string InstallerFolder = Path.Combine("windows", "Installer") + Path.DirectorySeparatorChar;

    /// <summary>The machine now: what its <see cref="TestMachine.TakeSnapshot"/> covers.</summary>
    public static MachineSnapshot Take(TestMachine machine) => machine.TakeSnapshot();

    /// <summary>A Wine prefix's whole HKLM\SOFTWARE and drive C:.</summary>
    public static MachineSnapshot OfPrefix(WinePrefix prefix) => new(
        RegistryLines(prefix.WineRegistry.Export(@"HKLM\SOFTWARE")),
        Directory.EnumerateFiles(prefix.DriveC, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(prefix.DriveC, f))
            .Concat(Directory.EnumerateDirectories(prefix.DriveC, "*", SearchOption.AllDirectories)
                .Select(d => Path.GetRelativePath(prefix.DriveC, d) + Path.DirectorySeparatorChar)
                .Where(d => !string.Equals(d, InstallerFolder, StringComparison.OrdinalIgnoreCase)))
            .ToHashSet());

    /// <summary>
    /// What the custom action's calls could leave in a temp folder: the installer's copies of the DLL
    /// (msiXXXX.tmp) and the proxy's worker folders (PorSetup-XXXXXXXXXXXXXXXX), wherever they are on C:.
    /// </summary>
    public static IReadOnlyList<string> CustomActionTemporaryFiles(TestMachine machine) => machine.CustomActionTemporaryFiles();

    public static IReadOnlyList<string> CustomActionTemporaryFilesOfPrefix(WinePrefix prefix) =>
        Directory.EnumerateFiles(prefix.DriveC, "msi*.tmp", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateDirectories(prefix.DriveC, "PorSetup-*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(prefix.DriveC, f))
            .ToList();

    /// <summary>What is in this snapshot and not in the earlier one.</summary>
    public IReadOnlyList<string> AddedSince(MachineSnapshot earlier) =>
        this.Registry.Except(earlier.Registry).Select(l => "registry: " + l)
            .Concat(this.Files.Except(earlier.Files).Select(f => "file: " + f))
            .ToList();

    /// <summary>What the earlier snapshot had and this one lost.</summary>
    public IReadOnlyList<string> RemovedSince(MachineSnapshot earlier) => earlier.AddedSince(this);

    /// <summary>Fails, naming every difference, unless the machine is as it was.</summary>
    public void AssertUnchangedSince(MachineSnapshot earlier)
    {
        var added = this.AddedSince(earlier);
        var removed = this.RemovedSince(earlier);
        Assert.True(
            added.Count == 0 && removed.Count == 0,
            $"Left behind:\n  {string.Join("\n  ", added)}\nLost:\n  {string.Join("\n  ", removed)}");
    }

    // Each value line is kept with its key, so the same value in two keys stays two lines.
    private static HashSet<string> RegistryLines(string export)
    {
        var lines = new HashSet<string>();
        string? key = null;
        var keyHasValues = false;
        void CloseKey()
        {
            if (key is not null && (keyHasValues || !InstallerTrees.Any(tree => key.StartsWith(tree, StringComparison.OrdinalIgnoreCase))))
            {
                lines.Add(key);
            }
        }

        foreach (var line in export.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            if (line.StartsWith('['))
            {
                CloseKey();
                key = WineInventoryTrees.Any(tree => line.StartsWith(tree, StringComparison.OrdinalIgnoreCase)) ? null : line;
                keyHasValues = false;
            }
            else if (key is not null)
            {
                lines.Add($"{key} {line}");
                keyHasValues = true;
            }
        }

        CloseKey();
        return lines;
    }
}
