// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// The Upgrade table as WiX's compiler writes it for MajorUpgrade (Compiler.ParseMajorUpgradeElement, v6.0.2), where
/// wixl differs: wixl ignores AllowSameVersionUpgrades (WiX sets msidbUpgradeAttributesVersionMaxInclusive on the
/// row that detects older products, so another package of the same version is replaced too) and never writes a
/// language (WiX writes the product language into both rows unless IgnoreLanguage="yes").
/// </summary>
/// <param name="SameVersionUpgrades">MajorUpgrade/@AllowSameVersionUpgrades="yes".</param>
/// <param name="Language">The language both rows are limited to, or null for any language (IgnoreLanguage="yes").</param>
public sealed record UpgradeRows(bool SameVersionUpgrades, string? Language)
{
    /// <summary>msidbUpgradeAttributesVersionMaxInclusive.</summary>
    public const int VersionMaxInclusive = 0x200;

    /// <summary>WiX's ActionProperty of the row that detects products to replace.</summary>
    public const string UpgradeDetected = "WIX_UPGRADE_DETECTED";

    public static UpgradeRows From(XElement majorUpgrade, string productLanguage) => new(
        (string?)majorUpgrade.Attribute("AllowSameVersionUpgrades") == "yes",
        (string?)majorUpgrade.Attribute("IgnoreLanguage") == "yes" ? null : productLanguage);

    // Every column but Remove and ActionProperty is in the table's key, which SQL cannot UPDATE: rows are rewritten.
    public void ApplyTo(string msiPath)
    {
        foreach (var row in MsiTables.Read(msiPath, "Upgrade"))
        {
            var (upgradeCode, versionMin, versionMax, language, attributes, remove, actionProperty) =
                (row[0], row[1], row[2], row[3], int.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture), row[5], row[6]);
            var newLanguage = this.Language ?? language;
            var newAttributes = this.SameVersionUpgrades && actionProperty == UpgradeDetected ? attributes | VersionMaxInclusive : attributes;
            if (newLanguage == language && newAttributes == attributes)
            {
                continue;
            }

            Tool.RunChecked("msibuild", msiPath, "-q", $"DELETE FROM `Upgrade` WHERE `ActionProperty` = '{actionProperty}'");
            var columns = new List<(string Name, string Value)>
            {
                ("UpgradeCode", upgradeCode), ("VersionMin", versionMin), ("VersionMax", versionMax), ("Language", newLanguage),
                ("Remove", remove), ("ActionProperty", actionProperty),
            }.Where(c => c.Value.Length > 0).ToList();
            Tool.RunChecked("msibuild", msiPath, "-q",
                $"INSERT INTO `Upgrade` ({string.Join(", ", columns.Select(c => $"`{c.Name}`"))}, `Attributes`) " +
                $"VALUES ({string.Join(", ", columns.Select(c => $"'{c.Value}'"))}, {newAttributes})");
        }
    }
}
