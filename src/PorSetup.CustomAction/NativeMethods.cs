// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.InteropServices;

namespace PorSetup.CustomAction;

/// <summary>The few Windows functions the custom action calls. msi.dll is already loaded by the installer.</summary>
internal static unsafe partial class NativeMethods
{
    public const uint ErrorSuccess = 0;
    public const uint ErrorMoreData = 234;

    /// <summary>MB_ICONERROR: the installer shows INSTALLMESSAGE_ERROR messages with the error icon.</summary>
    public const int MessageBoxIconError = 0x10;

    [LibraryImport("msi.dll", EntryPoint = "MsiGetPropertyW", StringMarshalling = StringMarshalling.Utf16)]
    public static partial uint MsiGetProperty(nint install, string name, char* value, ref uint valueLength);

    [LibraryImport("msi.dll", EntryPoint = "MsiSetPropertyW", StringMarshalling = StringMarshalling.Utf16)]
    public static partial uint MsiSetProperty(nint install, string name, string value);

    [LibraryImport("msi.dll")]
    public static partial nint MsiCreateRecord(uint fieldCount);

    [LibraryImport("msi.dll", EntryPoint = "MsiRecordSetStringW", StringMarshalling = StringMarshalling.Utf16)]
    public static partial uint MsiRecordSetString(nint record, uint field, string value);

    [LibraryImport("msi.dll")]
    public static partial int MsiProcessMessage(nint install, int messageType, nint record);

    [LibraryImport("msi.dll")]
    public static partial uint MsiCloseHandle(nint handle);

    [LibraryImport("kernel32.dll")]
    public static partial ushort GetUserDefaultUILanguage();
}
