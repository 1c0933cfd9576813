// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What <see cref="JournalRestore"/> needs of a machine's registry and Windows Installer: on Windows
/// <see cref="LocalRestorableMachine"/> (LocalRegistry, msiexec), in the journal's tests an in-memory one. Files are
/// put back with System.IO on every platform.
/// </summary>
public interface IRestorableMachine
{
    IReadOnlyList<string> PorSetupProducts();

    void Uninstall(string productCode);

    IReadOnlyList<string> ValueNames(string key, RegistryView view);

    JournalValue? GetValue(string key, string name, RegistryView view);

    void SetValue(string key, JournalValue value, RegistryView view);

    void DeleteValue(string key, string name, RegistryView view);

    bool KeyExists(string key, RegistryView view);

    /// <summary>Deletes a key that holds no value and no subkey; says whether it is gone.</summary>
    bool DeleteKeyIfEmpty(string key, RegistryView view);

    void DeleteKeyTree(string key, RegistryView view);
}
