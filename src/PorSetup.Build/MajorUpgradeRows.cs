// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// MajorUpgrade where wixl differs from WiX's compiler (Compiler.ParseMajorUpgradeElement, v6.0.2). The translation
/// passes MajorUpgrade on, and wixl writes the Upgrade rows and schedules RemoveExistingProducts where it likes,
/// ignores AllowSameVersionUpgrades (WiX sets msidbUpgradeAttributesVersionMaxInclusive on the row that detects
/// older products, so another package of the same version is replaced too) and never writes a language (WiX writes
/// the product language into both rows unless IgnoreLanguage="yes"). The fix-up rewrites the rows and moves
/// RemoveExistingProducts after the action Schedule names.
/// </summary>
/// <param name="SameVersionUpgrades">MajorUpgrade/@AllowSameVersionUpgrades="yes".</param>
/// <param name="Language">The language both rows are limited to, or null for any language (IgnoreLanguage="yes").</param>
/// <param name="RemoveExistingProductsAfter">The standard action RemoveExistingProducts follows (Schedule, WiX's default afterInstallValidate).</param>
public sealed record MajorUpgradeRows(bool SameVersionUpgrades, string? Language, string RemoveExistingProductsAfter)
{
    /// <summary>msidbUpgradeAttributesVersionMaxInclusive.</summary>
    public const int VersionMaxInclusive = 0x200;

    /// <summary>WiX's ActionProperty of the row that detects products to replace.</summary>
    public const string UpgradeDetected = "WIX_UPGRADE_DETECTED";

    /// <summary>What the source's MajorUpgrade asks, or null without one.</summary>
    public static MajorUpgradeRows? From(XDocument source, WixLocalization localization)
    {
        var upgrade = source.Descendants(WixNamespaces.Wxs + "MajorUpgrade").SingleOrDefault();
        if (upgrade is null)
        {
            return null;
        }

        var package = source.Root!.Element(WixNamespaces.Wxs + "Package")!;
        var schedule = (string?)upgrade.Attribute("Schedule") ?? "afterInstallValidate";
        return new MajorUpgradeRows(
            (string?)upgrade.Attribute("AllowSameVersionUpgrades") == "yes",
            (string?)upgrade.Attribute("IgnoreLanguage") == "yes" ? null : localization.Resolve((string?)package.Attribute("Language") ?? "1033"),
            schedule["after".Length..]);
    }

    public void ApplyTo(MsitoolsDatabase database)
    {
        this.ScheduleRemoveExistingProducts(database);
        this.RewriteUpgradeRows(database);
    }

    // WiX's default (afterInstallValidate) removes the old product before the new one is installed.
    private void ScheduleRemoveExistingProducts(MsitoolsDatabase database)
    {
        var sequence = database.Rows("InstallExecuteSequence")
            .SingleOrDefault(row => row[0] == this.RemoveExistingProductsAfter)
            ?? throw new InvalidDataException($"MajorUpgrade is scheduled after {this.RemoveExistingProductsAfter}, which is not in InstallExecuteSequence.");
        var position = int.Parse(sequence[^1], CultureInfo.InvariantCulture) + 1;
        database.Update("InstallExecuteSequence", "Action", "RemoveExistingProducts", ("Sequence", position));
    }

    // Every column but Remove and ActionProperty is in the table's key, which SQL cannot UPDATE: rows are rewritten.
    private void RewriteUpgradeRows(MsitoolsDatabase database)
    {
        foreach (var row in database.Rows("Upgrade"))
        {
            var (upgradeCode, versionMin, versionMax, language, attributes, remove, actionProperty) =
                (row[0], row[1], row[2], row[3], int.Parse(row[4], CultureInfo.InvariantCulture), row[5], row[6]);
            var newLanguage = this.Language ?? language;
            var newAttributes = this.SameVersionUpgrades && actionProperty == UpgradeDetected ? attributes | VersionMaxInclusive : attributes;
            if (newLanguage == language && newAttributes == attributes)
            {
                continue;
            }

            database.Delete("Upgrade", "ActionProperty", actionProperty);
            var columns = new List<(string Column, object Value)>
            {
                ("UpgradeCode", upgradeCode), ("VersionMin", versionMin), ("VersionMax", versionMax), ("Language", newLanguage),
                ("Remove", remove), ("ActionProperty", actionProperty),
            }.Where(c => ((string)c.Value).Length > 0).Append(("Attributes", newAttributes)).ToArray();
            database.Insert("Upgrade", columns);
        }
    }
}
