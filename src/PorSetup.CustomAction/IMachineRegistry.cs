// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>
/// HKEY_LOCAL_MACHINE in the 64-bit registry view, the view the package's Win64 component writes to. The real
/// one calls advapi32 (<see cref="MachineRegistry"/>); tests use a fake. Failures throw <see cref="Win32CallException"/>.
/// </summary>
public interface IMachineRegistry
{
    /// <summary>Reads a value of any type exactly as stored (a REG_EXPAND_SZ is not expanded).</summary>
    /// <returns>Null when the key or the value is not there.</returns>
    RegistryData? GetValue(string subKey, string name);

    /// <summary>Writes a value of any type, creating the key (and its parents) when missing.</summary>
    void SetValue(string subKey, string name, RegistryData value);

    /// <summary>Deletes a value; the key stays.</summary>
    /// <returns>False when the key or the value was not there (which is not an error).</returns>
    bool DeleteValue(string subKey, string name);
}
