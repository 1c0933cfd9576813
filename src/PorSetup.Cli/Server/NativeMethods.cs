// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.InteropServices;

namespace PorSetup.Cli.Server;

/// <summary>
/// The Windows functions `porsetup status` and `porsetup remove` call: Windows Installer's product registry (msi.dll)
/// and Group Policy's list of the computer's managed applications (advapi32.dll). Source-generated marshalling, so
/// the trimmed porsetup.exe needs no reflection.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const uint ErrorSuccess = 0;
    public const uint ErrorMoreData = 234;
    public const uint ErrorNoMoreItems = 259;
    public const uint ErrorUnknownProduct = 1605;
    public const uint ErrorUnknownProperty = 1608;

    /// <summary>A product code GUID in braces and its terminating null ("lpProductBuf ... 39 TCHAR").</summary>
    public const int GuidLength = 39;

    // MsiEnumRelatedProducts: "Enumerates products with a specified upgrade code ... currently advertised or installed."
    [LibraryImport("msi.dll", EntryPoint = "MsiEnumRelatedProductsW", StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial uint MsiEnumRelatedProducts(string upgradeCode, uint reserved, uint productIndex, char* productCode);

    // MsiGetProductInfo: "returns product information for published and installed products"; ERROR_MORE_DATA with
    // the length needed (without the null) when the buffer is too small.
    [LibraryImport("msi.dll", EntryPoint = "MsiGetProductInfoW", StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial uint MsiGetProductInfo(string product, string property, char* value, ref uint length);

    // GetLocalManagedApplications (appmgmt.h): "a list of managed applications on that computer" (bUserApps FALSE),
    // an array the caller frees with LocalFree.
    [LibraryImport("advapi32.dll")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial uint GetLocalManagedApplications(int userApps, out uint count, out LocalManagedApplication* applications);

    [LibraryImport("kernel32.dll")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial nint LocalFree(void* memory);

    /// <summary>LOCALMANAGEDAPPLICATION (appmgmt.h): three Unicode strings and the state flags.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct LocalManagedApplication
    {
        public char* DeploymentName;
        public char* PolicyName;
        public char* ProductId;
        public uint State;
    }
}
