// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What the end-to-end tests create on the local machine besides PorSetup's products and key, and so what the
/// pre-run check looks for (a run interrupted before the journal existed, or by hand): the OEM scripts that Windows
/// Setup and Windows Server Essentials would run, the machine-wide installer logging policy, and PorSetup's folders.
/// </summary>
public static class LocalLeftovers
{
    public static IReadOnlyList<(string Path, string What)> Paths { get; } =
    [
        (@"C:\Windows\Setup\Scripts\SetupComplete.cmd", "an OEM script Windows Setup runs, which the tests write"),
        (@"C:\Windows\Setup\Scripts\PostIC.cmd", "an OEM script Windows Server Essentials runs, which the tests write"),
        (@"C:\long", "the long-path folder FaultTests makes"),
        (@"C:\Windows\Logs\PorSetup", "the folder of Install-PorSetup.cmd's logs"),
    ];

    /// <summary>Windows Installer's machine-wide Logging policy, which the tests set (the guide's logging section).</summary>
    public static (string Key, string Name) LoggingPolicy { get; } = (JournalLimits.InstallerPolicyKey, "Logging");

    /// <summary>Each one found, as a line naming it and saying what it is.</summary>
    public static IReadOnlyList<string> Find(Func<string, bool> pathExists, Func<string, string, bool> valueExists)
    {
        ArgumentNullException.ThrowIfNull(pathExists);
        ArgumentNullException.ThrowIfNull(valueExists);
        return
        [
            .. Paths.Where(p => pathExists(p.Path)).Select(p => $"{p.Path} ({p.What})"),
            .. valueExists(LoggingPolicy.Key, LoggingPolicy.Name)
                ? [$@"{LoggingPolicy.Key}\{LoggingPolicy.Name} (the machine-wide installer logging policy, which the tests set)"]
                : Array.Empty<string>(),
        ];
    }
}
