// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A test machine's HKLM, read and written as reg.exe shows it: types by their reg names ("REG_SZ", "REG_DWORD") and
/// data as reg add /d takes it and reg query prints it ("0x12d687"; hex bytes for binary; a multi-string's parts
/// joined by "\0"). Reads never turn a failure into "no value".
/// </summary>
public abstract class MachineRegistry
{
    /// <summary>Where PorSetup writes, per Microsoft's Windows Server Essentials instructions.</summary>
    public const string MsoKey = @"HKLM\SOFTWARE\Microsoft\Windows Server\MSO";

    public const string PartnerValue = "Partner";

    /// <summary>PorSetup's own key, where it remembers the value that was there before it.</summary>
    public const string PorSetupKey = @"HKLM\SOFTWARE\PorSetup";

    /// <summary>The Partner value in the 64-bit view, or null when there is none.</summary>
    public string? Partner => this.GetString(MsoKey, PartnerValue);

    /// <summary>A REG_SZ value, or null when the key or the value does not exist (or is of another type).</summary>
    public string? GetString(string key, string name, RegistryView view = RegistryView.Registry64) =>
        this.Get(key, name, view) is ("REG_SZ", var data) ? data : null;

    /// <summary>A value's type and data, or null when missing.</summary>
    public (string Type, string Data)? Get(string key, string name, RegistryView view = RegistryView.Registry64) => this.ReadValue(key, name, view);

    public abstract bool KeyExists(string key, RegistryView view = RegistryView.Registry64);

    public void SetString(string key, string name, string value, RegistryView view = RegistryView.Registry64) =>
        this.Set(key, name, "REG_SZ", value, view);

    /// <summary>A value of any type, with its data as reg add /d takes it (REG_SZ, REG_DWORD, REG_BINARY).</summary>
    public void Set(string key, string name, string type, string data, RegistryView view = RegistryView.Registry64) => this.WriteValue(key, name, type, data, view);

    /// <summary>Deletes a value, as reg delete /v does; a value that is not there is no error.</summary>
    public abstract void Delete(string key, string name, RegistryView view = RegistryView.Registry64);

    protected abstract (string Type, string Data)? ReadValue(string key, string name, RegistryView view);

    protected abstract void WriteValue(string key, string name, string type, string data, RegistryView view);
}
