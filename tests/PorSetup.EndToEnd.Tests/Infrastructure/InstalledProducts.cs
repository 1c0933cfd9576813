// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Build;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>Reads what Add/Remove Programs shows for a package: its Uninstall key in the 64-bit view.</summary>
public static class InstalledProducts
{
    public const string UninstallKey = @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall";

    public static string ProductCode(string msiPath) => MsiTables.ReadProperties(msiPath)["ProductCode"];

    public static string ArpKey(string msiPath) => $@"{UninstallKey}\{ProductCode(msiPath)}";

    public static bool IsInstalled(this WinePrefix prefix, string msiPath) => prefix.Registry.KeyExists(ArpKey(msiPath));

    public static string? ArpValue(this WinePrefix prefix, string msiPath, string name) => prefix.Registry.GetString(ArpKey(msiPath), name);
}
