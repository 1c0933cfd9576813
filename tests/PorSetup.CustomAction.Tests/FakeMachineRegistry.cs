// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

/// <summary>HKLM's 64-bit view in memory: keys (case-insensitive, as in Windows) holding typed values, and a record of the calls.</summary>
public sealed class FakeMachineRegistry : IMachineRegistry
{
    public Dictionary<string, Dictionary<string, RegistryData>> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each call as "GetValue key name", "SetValue key name TYPE value" or "DeleteValue key name".</summary>
    public List<string> Calls { get; } = [];

    /// <summary>When set, every call throws it (after being recorded), as the real one throws <see cref="Win32CallException"/>.</summary>
    public Exception? ThrowOnCall { get; set; }

    public RegistryData? GetValue(string subKey, string name)
    {
        Calls.Add($"GetValue {subKey} {name}");
        ThrowIfFailing();
        return GetData(subKey, name);
    }

    public void SetValue(string subKey, string name, RegistryData value)
    {
        Calls.Add($"SetValue {subKey} {name} {value.TypeName} {value.Text}");
        ThrowIfFailing();
        if (!Keys.TryGetValue(subKey, out var values))
        {
            Keys[subKey] = values = new(StringComparer.OrdinalIgnoreCase);
        }

        values[name] = value;
    }

    public bool DeleteValue(string subKey, string name)
    {
        Calls.Add($"DeleteValue {subKey} {name}");
        ThrowIfFailing();
        return Keys.TryGetValue(subKey, out var values) && values.Remove(name);
    }

    /// <summary>A REG_SZ value, or null when the key or the value is missing (or of another type).</summary>
    public string? Get(string subKey, string name) =>
        GetData(subKey, name) is { Type: RegistryData.RegSz } value ? value.Text : null;

    public RegistryData? GetData(string subKey, string name) =>
        Keys.TryGetValue(subKey, out var values) && values.TryGetValue(name, out var value) ? value : null;

    private void ThrowIfFailing()
    {
        if (ThrowOnCall is not null)
        {
            throw ThrowOnCall;
        }
    }
}
