// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.Versioning;
using Microsoft.Win32;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What a test on the local machine must leave as it found it: the MSO key (the Partner value's exact type and data,
/// and any other value), HKLM\SOFTWARE\PorSetup, the PorSetup products Windows Installer knows, and the custom
/// action's temporary files (msi*.tmp, the worker's PorSetup-&lt;16 hex digits&gt; folders in %TEMP% and %WINDIR%\Installer).
/// What of it is to be put back goes into the test's <see cref="LocalJournal"/>.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed record LocalMachineState(
    IReadOnlyList<string> Products,
    IReadOnlyList<string> MsoKey,
    IReadOnlyList<string> PorSetupKey,
    IReadOnlySet<string> TemporaryFiles,
    IReadOnlyDictionary<RegistryView, IReadOnlyList<(string Name, RegistryValueKind Kind, object Value)>> MsoValues,
    IReadOnlyDictionary<RegistryView, IReadOnlyList<string>> MsoKeysThatExisted)
{
    private static readonly RegistryView[] Views = [RegistryView.Registry64, RegistryView.Registry32];

    public static LocalMachineState Read(LocalMachine machine, LocalRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(registry);
        var values = new Dictionary<RegistryView, IReadOnlyList<(string, RegistryValueKind, object)>>();
        var existed = new Dictionary<RegistryView, IReadOnlyList<string>>();
        foreach (var view in Views)
        {
            values[view] = [.. LocalRegistry.ValueNames(MachineRegistry.MsoKey, view)
                .Select(name => (name, LocalRegistry.GetRaw(MachineRegistry.MsoKey, name, view)))
                .Where(v => v.Item2 is not null)
                .Select(v => (v.name, v.Item2!.Value.Kind, v.Item2!.Value.Value))];
            existed[view] = [.. JournalRestore.MsoChain.Where(key => registry.KeyExists(key, view))];
        }

        return new LocalMachineState(
            [.. machine.PorSetupProductCodes().Order(StringComparer.OrdinalIgnoreCase)],
            [.. Views.SelectMany(view => LocalRegistry.Lines(MachineRegistry.MsoKey, view))],
            [.. Views.SelectMany(view => LocalRegistry.Lines(MachineRegistry.PorSetupKey, view))],
            LocalMachine.TemporaryFilesNow(),
            values,
            existed);
    }

    /// <summary>What differs from an earlier state, one line per difference, naming it.</summary>
    public IReadOnlyList<string> DifferencesFrom(LocalMachineState earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return
        [
            .. this.Products.Except(earlier.Products, StringComparer.OrdinalIgnoreCase).Select(p => $"installed: product {p} (UpgradeCode {InstalledProducts.UpgradeCode})"),
            .. earlier.Products.Except(this.Products, StringComparer.OrdinalIgnoreCase).Select(p => $"no longer installed: product {p}"),
            .. Changes("MSO key", earlier.MsoKey, this.MsoKey),
            .. Changes(MachineRegistry.PorSetupKey, earlier.PorSetupKey, this.PorSetupKey),
            .. this.TemporaryFiles.Except(earlier.TemporaryFiles).Select(f => $"left behind: {f}"),
        ];
    }

    private static IEnumerable<string> Changes(string what, IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        after.Except(before).Select(line => $"{what}: now has {line}")
            .Concat(before.Except(after).Select(line => $"{what}: lost {line}"));
}
