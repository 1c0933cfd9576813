// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

/// <summary>HKLM's 64-bit view in memory: keys (case-insensitive, as in Windows) holding string values, and a record of the calls.</summary>
public sealed class FakeMachineRegistry : IMachineRegistry
{
    public Dictionary<string, Dictionary<string, string>> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each call as "SetString key name value" or "DeleteValue key name".</summary>
    public List<string> Calls { get; } = [];

    /// <summary>When set, every call throws it (after being recorded), as the real one throws <see cref="Win32Exception"/>.</summary>
    public Exception? ThrowOnCall { get; set; }

    public void SetString(string subKey, string name, string value)
    {
        Calls.Add($"SetString {subKey} {name} {value}");
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

    /// <summary>The value, or null when the key or the value is missing.</summary>
    public string? Get(string subKey, string name) =>
        Keys.TryGetValue(subKey, out var values) && values.TryGetValue(name, out var value) ? value : null;

    private void ThrowIfFailing()
    {
        if (ThrowOnCall is not null)
        {
            throw ThrowOnCall;
        }
    }
}
