// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.InteropServices;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>Windows Installer's own answer to "which products share this UpgradeCode" (msi.dll, Windows only).</summary>
internal static class NativeMethods
{
    public const uint ErrorSuccess = 0;

    public const uint ErrorNoMoreItems = 259;

    /// <summary>A GUID in braces, and the terminating null.</summary>
    public const int GuidLength = 39;

    [DllImport("msi.dll", EntryPoint = "MsiEnumRelatedProductsW", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern uint MsiEnumRelatedProducts(string upgradeCode, uint reserved, uint productIndex, [Out] char[] productCode);
}
