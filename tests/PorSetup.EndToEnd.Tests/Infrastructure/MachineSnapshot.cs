// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The parts of a prefix an installer could leave something in: every registry key and value under
/// HKLM\SOFTWARE (64-bit view, which includes WOW6432Node) and every file on drive C:. Two snapshots compare
/// line by line, so a failure names exactly what was left behind.
/// </summary>
/// <remarks>
/// Two things are not counted, each for a stated reason:
/// - Empty keys of Windows Installer's own registration trees (Classes\Installer, CurrentVersion\Installer):
///   Windows has them from the start, and Wine creates them on first use and does not prune them. A key there
///   with any value in it (a registered product, a component) still counts.
/// - Wine's temporary copies of PorSetup's custom action DLL in %TEMP%: Wine deletes them before it stops the
///   process that has them loaded (see docs/custom-action.md). Only files byte-identical to the DLL are skipped;
///   RepetitionTests asserts this Wine behaviour by name.
/// </remarks>
public sealed record MachineSnapshot(IReadOnlySet<string> Registry, IReadOnlySet<string> Files)
{
    private static readonly string[] InstallerTrees =
    [
        @"[HKEY_LOCAL_MACHINE\SOFTWARE\Classes\Installer",
        @"[HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Installer",
    ];

    public static MachineSnapshot Take(WinePrefix prefix) => new(
        RegistryLines(prefix.Registry.Export(@"HKLM\SOFTWARE")),
        Directory.EnumerateFiles(prefix.DriveC, "*", SearchOption.AllDirectories)
            .Where(f => !IsWineCustomActionCopy(f))
            .Select(f => Path.GetRelativePath(prefix.DriveC, f)).ToHashSet());

    /// <summary>Wine's leftover copies of the custom action DLL (msiXXXX.tmp in a Temp folder).</summary>
    public static IEnumerable<string> WineCustomActionCopies(WinePrefix prefix) =>
        Directory.EnumerateFiles(prefix.DriveC, "msi*.tmp", SearchOption.AllDirectories).Where(IsWineCustomActionCopy);

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
                key = line;
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

    private static bool IsWineCustomActionCopy(string file)
    {
        var name = Path.GetFileName(file);
        if (!name.StartsWith("msi", StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Path.GetFileName(Path.GetDirectoryName(file)), "Temp", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var dll = new FileInfo(TestArtifacts.CustomActionDll);
        return new FileInfo(file).Length == dll.Length && File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(dll.FullName));
    }
}
