// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What a test may claim on the local machine, and so what a journal may name: files and folders below these
/// folders, values of these keys. A journal that names anything else is not restored: the restore runs elevated,
/// and must not delete or write where no test ever did, whoever wrote the file.
/// </summary>
public sealed record JournalLimits(IReadOnlyList<string> Folders, IReadOnlyList<string> RegistryKeys)
{
    /// <summary>Windows Installer's machine-wide policies (Logging, as the guide's logging section sets it).</summary>
    public const string InstallerPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\Installer";

    /// <summary>The OEM scripts' folder, the logs' folder, and C:\long (a long path, FaultTests).</summary>
    public static JournalLimits Windows { get; } = new([@"C:\Windows\Setup\Scripts", @"C:\Windows\Logs", @"C:\long"], [InstallerPolicyKey]);

    public bool AllowsPath(string path) => this.Folders.Any(folder => IsAtOrBelow(path, folder));

    public bool AllowsKey(string key) => this.RegistryKeys.Any(allowed => string.Equals(key, allowed, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Throws, naming the path, unless a test may claim it: every test machine asks (Wine's too, where nothing needs
    /// restoring), so that a test that claims elsewhere fails here, not first on a real Windows.
    /// </summary>
    public void CheckClaim(string windowsPath)
    {
        if (!this.AllowsPath(windowsPath))
        {
            throw new InvalidOperationException($"{windowsPath} is not in a folder a test may claim ({string.Join(", ", this.Folders)}): add the folder to JournalLimits.Windows, and to LocalLeftovers if a run leaves it.");
        }
    }

    /// <summary>The same for a registry value's key.</summary>
    public void CheckClaim(string key, string name)
    {
        if (!this.AllowsKey(key))
        {
            throw new InvalidOperationException($@"{key}\{name} is not a value a test may claim (only values of {string.Join(", ", this.RegistryKeys)}).");
        }
    }

    /// <summary>path is folder, or inside it (compared without case, as Windows does).</summary>
    public static bool IsAtOrBelow(string path, string folder)
    {
        var separators = new[] { '\\', '/' };
        var trimmed = folder.TrimEnd(separators);
        return string.Equals(path.TrimEnd(separators), trimmed, StringComparison.OrdinalIgnoreCase)
            || path.Length > trimmed.Length + 1 && path.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase) && separators.Contains(path[trimmed.Length]) && !path.Contains("..", StringComparison.Ordinal);
    }
}
