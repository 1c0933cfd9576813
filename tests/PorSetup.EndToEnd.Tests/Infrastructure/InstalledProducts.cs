// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Msi;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>Reads what Add/Remove Programs shows for a package: its Uninstall key in the 64-bit view.</summary>
public static class InstalledProducts
{
    public const string UninstallKey = @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall";

    /// <summary>PorSetup's UpgradeCode, the same in every build, culture and stamped copy (installer/Package.wxs).</summary>
    public const string UpgradeCode = "{04642C1E-F2AA-4081-867C-BB71239DB337}";

    /// <summary>Read with PorSetup's own MSI reader, which needs no msitools (and so also runs on Windows).</summary>
    public static string ProductCode(string msiPath) => MsiProperties.Read(msiPath)["ProductCode"];

    public static string ArpKey(string msiPath) => $@"{UninstallKey}\{ProductCode(msiPath)}";

    public static bool IsInstalled(this TestMachine machine, string msiPath) => machine.Registry.KeyExists(ArpKey(msiPath));

    public static string? ArpValue(this TestMachine machine, string msiPath, string name) => machine.Registry.GetString(ArpKey(msiPath), name);
}
