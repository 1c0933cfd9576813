// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.InteropServices;

namespace PorSetup.CustomAction;

/// <summary>
/// The few Windows functions the custom action calls. advapi32.dll is imported by the NativeAOT runtime anyway, so
/// the registry functions add no DLL. The MSI functions are called by the proxy (Native/Proxy.c), not here.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const uint ErrorSuccess = 0;
    public const uint ErrorFileNotFound = 2;

    /// <summary>HKEY_LOCAL_MACHINE: a predefined handle, (HKEY)(LONG)0x80000002, so sign-extended on x64.</summary>
    public const nint HkeyLocalMachine = unchecked((int)0x80000002);

    public const uint ErrorMoreData = 234;

    public const uint RegOptionNonVolatile = 0;
    public const uint KeyQueryValue = 0x0001;
    public const uint KeySetValue = 0x0002;

    /// <summary>KEY_WOW64_64KEY: the 64-bit view, where the package's Win64 component writes.</summary>
    public const uint KeyWow6464Key = 0x0100;

    [LibraryImport("kernel32.dll")]
    public static partial ushort GetUserDefaultUILanguage();

    [LibraryImport("kernel32.dll")]
    public static partial nint GetStdHandle(int which);

    [LibraryImport("advapi32.dll", EntryPoint = "RegCreateKeyExW", StringMarshalling = StringMarshalling.Utf16)]
    public static partial uint RegCreateKeyEx(nint key, string subKey, uint reserved, char* keyClass, uint options, uint desired, nint securityAttributes, out nint result, nint disposition);

    [LibraryImport("advapi32.dll", EntryPoint = "RegOpenKeyExW", StringMarshalling = StringMarshalling.Utf16)]
    public static partial uint RegOpenKeyEx(nint key, string subKey, uint options, uint desired, out nint result);

    [LibraryImport("advapi32.dll", EntryPoint = "RegSetValueExW", StringMarshalling = StringMarshalling.Utf16)]
    public static partial uint RegSetValueEx(nint key, string name, uint reserved, uint type, byte* data, uint dataLength);

    [LibraryImport("advapi32.dll", EntryPoint = "RegQueryValueExW", StringMarshalling = StringMarshalling.Utf16)]
    public static partial uint RegQueryValueEx(nint key, string name, nint reserved, out uint type, byte* data, ref uint dataLength);

    [LibraryImport("advapi32.dll", EntryPoint = "RegDeleteValueW", StringMarshalling = StringMarshalling.Utf16)]
    public static partial uint RegDeleteValue(nint key, string name);

    [LibraryImport("advapi32.dll")]
    public static partial uint RegCloseKey(nint key);
}
