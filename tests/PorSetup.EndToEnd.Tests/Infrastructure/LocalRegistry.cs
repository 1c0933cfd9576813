// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Runtime.Versioning;
using System.Security;
using Microsoft.Win32;
using Win32View = Microsoft.Win32.RegistryView;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// This Windows machine's HKLM, through the registry API in the view asked for (RegistryKey.OpenBaseKey), never
/// the view of the test process's bitness. Values are read unexpanded, as reg query shows them.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class LocalRegistry : MachineRegistry
{
    protected override (string Type, string Data)? ReadValue(string key, string name, RegistryView view) =>
        GetRaw(key, name, view) is { } raw ? Describe(raw.Kind, raw.Value) : null;

    public override bool KeyExists(string key, RegistryView view = RegistryView.Registry64)
    {
        using var opened = Open(key, view, writable: false);
        return opened is not null;
    }

    protected override void WriteValue(string key, string name, string type, string data, RegistryView view)
    {
        var (kind, value) = type switch
        {
            "REG_SZ" => (RegistryValueKind.String, (object)data),
            "REG_EXPAND_SZ" => (RegistryValueKind.ExpandString, data),
            "REG_MULTI_SZ" => (RegistryValueKind.MultiString, data.Split("\\0")),
            "REG_DWORD" => (RegistryValueKind.DWord, unchecked((int)(uint)ParseNumber(data))),
            "REG_QWORD" => (RegistryValueKind.QWord, unchecked((long)ParseNumber(data))),
            "REG_BINARY" => (RegistryValueKind.Binary, Convert.FromHexString(data)),
            _ => throw new ArgumentException($"Not a registry type this test machine writes: {type}", nameof(type)),
        };
        SetRaw(key, name, kind, value, view);
    }

    public override void Delete(string key, string name, RegistryView view = RegistryView.Registry64)
    {
        using var opened = Open(key, view, writable: true);
        opened?.DeleteValue(name, throwOnMissingValue: false);
    }

    /// <summary>A value exactly as stored (kind and unexpanded data), to put it back later; null when missing.</summary>
    public static (RegistryValueKind Kind, object Value)? GetRaw(string key, string name, RegistryView view)
    {
        using var opened = Open(key, view, writable: false);
        var value = opened?.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
        return value is null ? null : (opened!.GetValueKind(name), value);
    }

    public static void SetRaw(string key, string name, RegistryValueKind kind, object value, RegistryView view)
    {
        using var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, Win32(view));
        using var created = root.CreateSubKey(SubKey(key), writable: true);
        created.SetValue(name, value, kind);
    }

    /// <summary>The names of a key's values, or none when the key does not exist.</summary>
    public static IReadOnlyList<string> ValueNames(string key, RegistryView view)
    {
        using var opened = Open(key, view, writable: false);
        return opened?.GetValueNames() ?? [];
    }

    /// <summary>Deletes a key with everything under it; a key that is not there is no error.</summary>
    public static void DeleteTree(string key, RegistryView view)
    {
        using var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, Win32(view));
        root.DeleteSubKeyTree(SubKey(key), throwOnMissingSubKey: false);
    }

    /// <summary>Deletes a key if it holds no value and no subkey; says whether it is gone.</summary>
    public static bool DeleteIfEmpty(string key, RegistryView view)
    {
        using (var opened = Open(key, view, writable: false))
        {
            if (opened is null)
            {
                return true;
            }

            if (opened.ValueCount > 0 || opened.SubKeyCount > 0)
            {
                return false;
            }
        }

        using var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, Win32(view));
        root.DeleteSubKey(SubKey(key), throwOnMissingSubKey: false);
        return true;
    }

    /// <summary>
    /// A key and everything under it as lines, one per key and one per value ("[HKEY_LOCAL_MACHINE\...] "name"=REG_SZ:data"),
    /// sorted; nothing when the key does not exist. For comparing before and after.
    /// </summary>
    public static IReadOnlyList<string> Lines(string key, RegistryView view)
    {
        var lines = new List<string>();
        using var opened = Open(key, view, writable: false);
        if (opened is not null)
        {
            AddLines(opened, view, lines);
        }

        return lines;
    }

    private static void AddLines(RegistryKey key, RegistryView view, List<string> lines)
    {
        var section = $"[{key.Name}]{(view == RegistryView.Registry32 ? " (32-bit view)" : string.Empty)}";
        lines.Add(section);
        try
        {
            foreach (var name in key.GetValueNames().Order(StringComparer.OrdinalIgnoreCase))
            {
                var value = key.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
                var (type, data) = value is null ? ("(unreadable)", string.Empty) : Describe(key.GetValueKind(name), value);
                lines.Add($"{section} \"{name}\"={type}:{data}");
            }

            foreach (var name in key.GetSubKeyNames().Order(StringComparer.OrdinalIgnoreCase))
            {
                using var subKey = key.OpenSubKey(name, writable: false);
                if (subKey is not null)
                {
                    AddLines(subKey, view, lines);
                }
            }
        }
        catch (Exception e) when (e is SecurityException or UnauthorizedAccessException)
        {
            lines.Add($"{section} (not readable: {e.Message})");
        }
    }

    private static (string Type, string Data) Describe(RegistryValueKind kind, object value) => kind switch
    {
        RegistryValueKind.String => ("REG_SZ", (string)value),
        RegistryValueKind.ExpandString => ("REG_EXPAND_SZ", (string)value),
        RegistryValueKind.MultiString => ("REG_MULTI_SZ", string.Join("\\0", (string[])value)),
        RegistryValueKind.DWord => ("REG_DWORD", "0x" + unchecked((uint)(int)value).ToString("x", CultureInfo.InvariantCulture)),
        RegistryValueKind.QWord => ("REG_QWORD", "0x" + unchecked((ulong)(long)value).ToString("x", CultureInfo.InvariantCulture)),
        RegistryValueKind.Binary => ("REG_BINARY", Convert.ToHexString((byte[])value)),
        _ => ($"REG_{kind}".ToUpperInvariant(), value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    // reg add /d takes a DWORD or QWORD in decimal, or in hexadecimal after 0x.
    private static ulong ParseNumber(string data) => data.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        ? ulong.Parse(data[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
        : ulong.Parse(data, CultureInfo.InvariantCulture);

    private static RegistryKey? Open(string key, RegistryView view, bool writable)
    {
        using var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, Win32(view));
        return root.OpenSubKey(SubKey(key), writable);
    }

    private static Win32View Win32(RegistryView view) => view == RegistryView.Registry64 ? Win32View.Registry64 : Win32View.Registry32;

    private static string SubKey(string key)
    {
        foreach (var hive in new[] { @"HKLM\", @"HKEY_LOCAL_MACHINE\" })
        {
            if (key.StartsWith(hive, StringComparison.OrdinalIgnoreCase))
            {
                return key[hive.Length..];
            }
        }

        throw new ArgumentException($"Not a key of HKLM: {key}", nameof(key));
    }
}
