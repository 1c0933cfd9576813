// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Win32;

namespace PorSetup.Cli.Server;

/// <summary>The registry values `porsetup status` reads, in the 64-bit view, where PorSetup's package writes them.</summary>
public static class ServerRegistry
{
    /// <summary>Where Windows Server Essentials keeps the Partner of Record ID (Microsoft's instructions).</summary>
    public const string MsoKey = @"SOFTWARE\Microsoft\Windows Server\MSO";

    public const string PartnerValue = "Partner";

    /// <summary>PorSetup's own key: the ID it installed, and the value before PorSetup that the last uninstall puts back.</summary>
    public const string PorSetupKey = @"SOFTWARE\PorSetup";

    public const string InstalledPartnerValue = "InstalledPartner";

    public const string PreviousPartnerValue = "PreviousPartner";

    /// <summary>A value of HKLM in the 64-bit view, or null when the key or the value is not there.</summary>
    [SupportedOSPlatform("windows")]
    public static RegistryValueState? Read(string subKey, string name)
    {
        using var machine = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
        using var key = machine.OpenSubKey(subKey);
        if (key is null || !key.GetValueNames().Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var kind = key.GetValueKind(name);
        var data = key.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
        return new RegistryValueState(TypeName(kind), Text(data));
    }

    [SupportedOSPlatform("windows")]
    private static string TypeName(RegistryValueKind kind) => kind switch
    {
        RegistryValueKind.String => RegistryValueState.StringType,
        RegistryValueKind.ExpandString => "REG_EXPAND_SZ",
        RegistryValueKind.DWord => "REG_DWORD",
        RegistryValueKind.QWord => "REG_QWORD",
        RegistryValueKind.Binary => "REG_BINARY",
        RegistryValueKind.MultiString => "REG_MULTI_SZ",
        _ => "REG_NONE",
    };

    private static string Text(object? data) => data switch
    {
        string text => text,
        int number => unchecked((uint)number).ToString(CultureInfo.InvariantCulture),
        long number => unchecked((ulong)number).ToString(CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        string[] parts => string.Join("\\0", parts),
        _ => string.Empty,
    };
}
