// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.Versioning;
using Microsoft.Win32;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// This Windows machine for <see cref="JournalRestore"/>: the registry through <see cref="LocalRegistry"/> (the code
/// the local test machine reads and writes with), the PorSetup products as Windows Installer lists them, and an
/// uninstall given by the caller (the test machine's own, which keeps msiexec's log; or <see cref="MsiexecUninstall"/>).
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class LocalRestorableMachine(Action<string> uninstall) : IRestorableMachine
{
    private readonly LocalRegistry registry = new();

    /// <summary>msiexec /x {ProductCode} /qn, for a restore outside a test: 0, 3010 and 1605 (not installed) are success.</summary>
    public static void MsiexecUninstall(string productCode)
    {
        var result = Tool.Run("msiexec.exe", ["/x", productCode, "/qn", "/norestart"], timeout: TimeSpan.FromMinutes(5));
        if (result.ExitCode is not ((int)MsiExecReturnCode.SUCCESS or (int)MsiExecReturnCode.ERROR_SUCCESS_REBOOT_REQUIRED or (int)MsiExecReturnCode.ERROR_UNKNOWN_PRODUCT))
        {
            throw new InvalidOperationException($"msiexec /x {productCode} returned {result.ExitCode}");
        }
    }

    public IReadOnlyList<string> PorSetupProducts() => LocalMachine.RelatedProducts();

    public void Uninstall(string productCode) => uninstall(productCode);

    public IReadOnlyList<string> ValueNames(string key, RegistryView view) => LocalRegistry.ValueNames(key, view);

    public JournalValue? GetValue(string key, string name, RegistryView view) =>
        LocalRegistry.GetRaw(key, name, view) is { } raw ? JournalValue.From(name, raw.Kind.ToString(), raw.Value) : null;

    public void SetValue(string key, JournalValue value, RegistryView view)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (kind, data) = value.ToRegistry();
        LocalRegistry.SetRaw(key, value.Name, Enum.Parse<RegistryValueKind>(kind), data, view);
    }

    public void DeleteValue(string key, string name, RegistryView view) => this.registry.Delete(key, name, view);

    public bool KeyExists(string key, RegistryView view) => this.registry.KeyExists(key, view);

    public bool DeleteKeyIfEmpty(string key, RegistryView view) => LocalRegistry.DeleteIfEmpty(key, view);

    public void DeleteKeyTree(string key, RegistryView view) => LocalRegistry.DeleteTree(key, view);
}
