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

    /// <summary>
    /// Every product registered under PorSetup's name, whatever package installed it: the Uninstall key's subkeys
    /// whose DisplayName is the product name, read from one export of the key.
    /// </summary>
    public static IReadOnlyList<string> PorSetupProductCodes(this WinePrefix prefix)
    {
        var codes = new List<string>();
        string? section = null;
        foreach (var line in prefix.Registry.Export(UninstallKey).Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']');
            }
            else if (section is not null && line == $"\"DisplayName\"=\"{ProductIdentity.Name}\"")
            {
                codes.Add(section[(section.LastIndexOf('\\') + 1)..]);
            }
        }

        return codes;
    }
}
