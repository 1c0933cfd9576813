// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// A machine in memory for <see cref="JournalRestore"/>'s tests: HKLM as keys and values per view (a value set
/// creates its key and the keys above it, as RegistryKey.CreateSubKey does), the PorSetup products, and uninstalls
/// that remove a product and PorSetup's key, or fail for the products told to.
/// </summary>
internal sealed class FakeRestorableMachine : IRestorableMachine
{
    private const string Hive = @"HKLM\SOFTWARE";

    private readonly HashSet<(RegistryView View, string Key)> keys = [];
    private readonly Dictionary<(RegistryView View, string Key), Dictionary<string, JournalValue>> values = [];

    /// <summary>A machine with the keys every Windows has above the ones the tests use.</summary>
    public FakeRestorableMachine()
    {
        foreach (var view in new[] { RegistryView.Registry64, RegistryView.Registry32 })
        {
            this.keys.UnionWith([(view, Hive), (view, @"HKLM\SOFTWARE\Microsoft"), (view, @"HKLM\SOFTWARE\Policies")]);
        }
    }

    public List<string> Products { get; } = [];

    public HashSet<string> FailingUninstalls { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every key and value, one line each, sorted: equal when the machines are.</summary>
    public IReadOnlyList<string> State =>
    [
        .. this.Products.Select(p => $"product {p}"),
        .. this.keys.Select(k => $"{k.View} [{k.Key}]"),
        .. this.values.SelectMany(k => k.Value.Values.Select(v => $"{k.Key.View} [{k.Key.Key}] {v.Describe()}")),
    ];

    public IReadOnlyList<string> SortedState => [.. this.State.Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> PorSetupProducts() => [.. this.Products];

    public void Uninstall(string productCode)
    {
        if (this.FailingUninstalls.Contains(productCode))
        {
            throw new InvalidOperationException($"msiexec /x {productCode} returned 1603");
        }

        this.Products.Remove(productCode);
        this.DeleteKeyTree(MachineRegistry.PorSetupKey, RegistryView.Registry64);
    }

    public IReadOnlyList<string> ValueNames(string key, RegistryView view) =>
        this.values.TryGetValue((view, key), out var named) ? [.. named.Keys] : [];

    public JournalValue? GetValue(string key, string name, RegistryView view) =>
        this.values.TryGetValue((view, key), out var named) && named.TryGetValue(name, out var value) ? value : null;

    public void SetValue(string key, JournalValue value, RegistryView view)
    {
        for (var created = key; created.Length >= Hive.Length; created = created[..created.LastIndexOf('\\')])
        {
            this.keys.Add((view, created));
        }

        if (!this.values.TryGetValue((view, key), out var named))
        {
            this.values[(view, key)] = named = new Dictionary<string, JournalValue>(StringComparer.OrdinalIgnoreCase);
        }

        named[value.Name] = value;
    }

    public void DeleteValue(string key, string name, RegistryView view)
    {
        if (this.values.TryGetValue((view, key), out var named))
        {
            named.Remove(name);
            if (named.Count == 0)
            {
                this.values.Remove((view, key));
            }
        }
    }

    public bool KeyExists(string key, RegistryView view) => this.keys.Contains((view, key));

    public bool DeleteKeyIfEmpty(string key, RegistryView view)
    {
        if (this.ValueNames(key, view).Count > 0 || this.keys.Any(k => k.View == view && k.Key.StartsWith(key + "\\", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        this.keys.Remove((view, key));
        return true;
    }

    public void DeleteKeyTree(string key, RegistryView view)
    {
        this.keys.RemoveWhere(k => k.View == view && (k.Key == key || k.Key.StartsWith(key + "\\", StringComparison.OrdinalIgnoreCase)));
        foreach (var gone in this.values.Keys.Where(k => k.View == view && (k.Key == key || k.Key.StartsWith(key + "\\", StringComparison.OrdinalIgnoreCase))).ToList())
        {
            this.values.Remove(gone);
        }
    }

    /// <summary>What the local machine writes to its journal before a test: products, and each view's MSO key and PorSetup key.</summary>
    public LocalJournal BeginJournal() => LocalJournal.Begin(
        [.. this.Products],
        [.. new[] { RegistryView.Registry64, RegistryView.Registry32 }.Select(view => new JournalView(
            view,
            [.. this.ValueNames(MachineRegistry.MsoKey, view).Select(name => this.GetValue(MachineRegistry.MsoKey, name, view)!)],
            [.. JournalRestore.MsoChain.Where(key => this.KeyExists(key, view))],
            this.KeyExists(MachineRegistry.PorSetupKey, view)))]);
}
