// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Which machine the end-to-end tests install on, from PORSETUP_TEST_MACHINE: <c>wine</c> (the default on Linux) or
/// <c>local</c> (Windows only: this very machine, for real). Exactly one of <see cref="Kind"/>, <see cref="SkipReason"/>
/// and <see cref="Refusal"/> says what happens: the tests run there, are skipped saying why, or fail saying why. A
/// refusal fails every test that installs, loudly, rather than let a run pass that installed nothing.
/// </summary>
public sealed record TestMachineChoice(TestMachineKind? Kind, string? SkipReason, string? Refusal)
{
    public const string Variable = "PORSETUP_TEST_MACHINE";

    public const string WindowsWithoutSetting =
        $"set {Variable}=local to install on this machine for real, or run on Linux with Wine";

    private static readonly Lazy<TestMachineChoice> FromEnvironment = new(() => Decide(
        OperatingSystem.IsWindows(),
        Environment.GetEnvironmentVariable(Variable),
        () => OperatingSystem.IsWindows() && LocalMachine.IsElevated(),
        () => OperatingSystem.IsWindows() ? LocalMachine.RestoreInterruptedRun() : null,
        () => OperatingSystem.IsWindows() ? LocalMachine.WhatPorSetupOwnsHere() : []));

    /// <summary>This run's choice, made once (the local machine's state is read at the first test that needs it).</summary>
    public static TestMachineChoice Current => FromEnvironment.Value;

    /// <summary>
    /// The choice, as a function of the platform, the variable, and (asked only for <c>local</c> on Windows, in this
    /// order) whether this process is elevated, the restore of an interrupted run's journal (null: none, or restored;
    /// else why it could not be), and what PorSetup owns on the machine then (installed products, its registry key,
    /// what its tests leave).
    /// </summary>
    public static TestMachineChoice Decide(bool isWindows, string? variable, Func<bool> isElevated, Func<string?> restoreInterruptedRun, Func<IReadOnlyList<string>> ownedByPorSetup)
    {
        ArgumentNullException.ThrowIfNull(isElevated);
        ArgumentNullException.ThrowIfNull(restoreInterruptedRun);
        ArgumentNullException.ThrowIfNull(ownedByPorSetup);
        var value = variable?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return isWindows ? Skip(WindowsWithoutSetting) : Use(TestMachineKind.Wine);
        }

        if (string.Equals(value, "wine", StringComparison.OrdinalIgnoreCase))
        {
            return isWindows
                ? Refuse($"{Variable}=wine: Wine prefixes are made with Linux's Wine, and this is Windows. Set {Variable}=local to install on this machine for real.")
                : Use(TestMachineKind.Wine);
        }

        if (!string.Equals(value, "local", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse($"{Variable}={variable} is not a test machine: use wine (Linux, the default there) or local (Windows: installs on this machine for real).");
        }

        if (!isWindows)
        {
            return Refuse($"{Variable}=local installs on this machine for real with Windows Installer, so it runs on Windows only; this is not Windows. Leave it unset (or wine) to install in Wine prefixes.");
        }

        if (!isElevated())
        {
            return Refuse($"{Variable}=local installs per-machine packages on this machine: run the tests from an elevated (administrator) prompt.");
        }

        if (restoreInterruptedRun() is { } notRestored)
        {
            return Refuse($"{Variable}=local: {notRestored}");
        }

        var owned = ownedByPorSetup();
        if (owned.Count > 0)
        {
            return Refuse($"{Variable}=local needs a machine where nothing PorSetup owns is installed, so that the tests can leave it exactly as they found it. Found: {string.Join("; ", owned)}. Uninstall PorSetup (and remove what is named) first, or use a throw-away machine.");
        }

        return Use(TestMachineKind.Local);
    }

    private static TestMachineChoice Use(TestMachineKind kind) => new(kind, null, null);

    private static TestMachineChoice Skip(string reason) => new(null, reason, null);

    private static TestMachineChoice Refuse(string reason) => new(null, null, reason);
}
