// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// What the package source says that wixl drops: Property/@Secure (SecureCustomProperties, without which a
/// managed install ignores the property on the server side), Property/@Hidden (MsiHiddenProperties),
/// MajorUpgrade/@Schedule (wixl places RemoveExistingProducts where it likes), MajorUpgrade/@AllowSameVersionUpgrades
/// (the VersionMaxInclusive bit) and the Upgrade rows' language (wixl always leaves it empty, WiX writes the product
/// language unless IgnoreLanguage="yes"), Component/@Condition (wixl has
/// none), CustomAction/@Execute="rollback" or "commit" (wixl makes them immediate), CustomAction/@Error (type 19, which
/// wixl rejects: the translation gives it as a type 51 with the same text), the database code page (wixl
/// writes 0, "the machine's ANSI code page", which garbles accented text elsewhere) and the language in the
/// summary's Template (wixl always writes 1033). Derived from the source and its localization, never written
/// by hand, and applied to the database with msibuild.
/// </summary>
/// <param name="RemoveExistingProductsAfter">The standard action RemoveExistingProducts follows, or null without MajorUpgrade.</param>
/// <param name="Upgrade">What MajorUpgrade asks of the Upgrade rows, or null without MajorUpgrade.</param>
/// <param name="ComponentConditions">Component Id to its condition.</param>
/// <param name="ScriptActions">Custom action Id to the in-script bits wixl loses (rollback 0x500, commit 0x600).</param>
/// <param name="ErrorActions">Custom action Ids that WiX writes as type 19 (CustomAction/@Error).</param>
/// <param name="Codepage">The database code page, or null to leave wixl's.</param>
/// <param name="Language">The package language (LCID) for the summary's Template.</param>
public sealed record DatabaseFixups(
    IReadOnlyList<string> SecureProperties,
    IReadOnlyList<string> HiddenProperties,
    string? RemoveExistingProductsAfter,
    UpgradeRows? Upgrade,
    IReadOnlyDictionary<string, string> ComponentConditions,
    IReadOnlyDictionary<string, int> ScriptActions,
    IReadOnlyList<string> ErrorActions,
    int? Codepage,
    string Language)
{
    /// <summary>Custom Action Type 19: "displays a specified error message, returns failure, and then terminates the installation".</summary>
    public const int ErrorActionType = 19;

    public static DatabaseFixups From(XDocument source, WixLocalization localization)
    {
        var package = source.Root!.Element(WixNamespaces.Wxs + "Package")!;
        var properties = source.Descendants(WixNamespaces.Wxs + "Property").ToList();
        var upgrade = source.Descendants(WixNamespaces.Wxs + "MajorUpgrade").SingleOrDefault();
        var schedule = upgrade is null ? null : (string?)upgrade.Attribute("Schedule") ?? "afterInstallValidate";
        var codepage = (string?)package.Attribute("Codepage");
        return new DatabaseFixups(
            Flagged(properties, "Secure"),
            Flagged(properties, "Hidden"),
            schedule?["after".Length..],
            upgrade is null ? null : UpgradeRows.From(upgrade, localization.Resolve((string?)package.Attribute("Language") ?? "1033")),
            source.Descendants(WixNamespaces.Wxs + "Component").Where(c => c.Attribute("Condition") is not null)
                .ToDictionary(c => (string)c.Attribute("Id")!, c => localization.Resolve((string)c.Attribute("Condition")!)),
            source.Descendants(WixNamespaces.Wxs + "CustomAction")
                .Select(a => (Id: (string)a.Attribute("Id")!, Bits: InScriptBits((string?)a.Attribute("Execute"))))
                .Where(a => a.Bits != 0)
                .ToDictionary(a => a.Id, a => a.Bits),
            source.Descendants(WixNamespaces.Wxs + "CustomAction").Where(a => a.Attribute("Error") is not null)
                .Select(a => (string)a.Attribute("Id")!).ToList(),
            codepage is null ? localization.Codepage : int.Parse(localization.Resolve(codepage), CultureInfo.InvariantCulture),
            localization.Resolve((string?)package.Attribute("Language") ?? "1033"));
    }

    /// <summary>Applies the fix-ups to an MSI that wixl built.</summary>
    public void ApplyTo(string msiPath)
    {
        var table = MsiTables.ReadProperties(msiPath);
        MergeList(msiPath, table, "SecureCustomProperties", this.SecureProperties);
        MergeList(msiPath, table, "MsiHiddenProperties", this.HiddenProperties);
        if (this.RemoveExistingProductsAfter is not null)
        {
            ScheduleRemoveExistingProducts(msiPath, this.RemoveExistingProductsAfter);
        }

        this.Upgrade?.ApplyTo(msiPath);

        foreach (var (component, condition) in this.ComponentConditions)
        {
            if (condition.Contains('\'', StringComparison.Ordinal))
            {
                throw new NotSupportedException($"Component '{component}': msibuild's SQL cannot take a condition with a single quote.");
            }

            Tool.RunChecked("msibuild", msiPath, "-q", $"UPDATE `Component` SET `Condition` = '{condition}' WHERE `Component` = '{component}'");
        }

        foreach (var (action, bits) in this.ScriptActions)
        {
            // Replace the execution bits (0x700) and keep the rest: the source type and NoImpersonate (0x800).
            var type = int.Parse(MsiTables.Read(msiPath, "CustomAction").Single(row => row[0] == action)[1], CultureInfo.InvariantCulture);
            Tool.RunChecked("msibuild", msiPath, "-q", $"UPDATE `CustomAction` SET `Type` = {(type & ~0x700) | bits} WHERE `Action` = '{action}'");
        }

        foreach (var action in this.ErrorActions)
        {
            // msidbCustomActionTypeTextData | msidbCustomActionTypeSourceFile; "Source: Leave blank" (Custom Action Type 19).
            Tool.RunChecked("msibuild", msiPath, "-q", $"UPDATE `CustomAction` SET `Type` = {ErrorActionType}, `Source` = '' WHERE `Action` = '{action}'");
        }

        if (this.Codepage is { } codepage)
        {
            SetCodepage(msiPath, codepage);
        }

        SetTemplateLanguage(msiPath, this.Language);
    }

    // The code page lives in the string pool's header; msitools sets it by importing the _ForceCodepage pseudo-table.
    private static void SetCodepage(string msiPath, int codepage)
    {
        var idt = Path.Combine(Path.GetDirectoryName(msiPath)!, "_ForceCodepage.idt");
        File.WriteAllText(idt, $"\r\n\r\n{codepage.ToString(CultureInfo.InvariantCulture)}\t_ForceCodepage\r\n");
        try
        {
            Tool.RunChecked("msibuild", msiPath, "-i", idt);
        }
        finally
        {
            File.Delete(idt);
        }
    }

    // msibuild -s rewrites subject, author, template and package code together: keep the first, second and last.
    private static void SetTemplateLanguage(string msiPath, string language)
    {
        var summary = MsiTables.ReadSummary(msiPath);
        var platform = summary["Template"].Split(';')[0];
        Tool.RunChecked("msibuild", msiPath, "-s", summary["Subject"], summary["Author"], $"{platform};{language}", summary["Revision number (UUID)"]);
    }

    // WiX's default (afterInstallValidate) removes the old product before the new one is installed.
    private static void ScheduleRemoveExistingProducts(string msiPath, string after)
    {
        var sequence = MsiTables.Read(msiPath, "InstallExecuteSequence")
            .SingleOrDefault(row => row[0] == after)
            ?? throw new InvalidDataException($"MajorUpgrade is scheduled after {after}, which is not in InstallExecuteSequence.");
        var position = int.Parse(sequence[^1], CultureInfo.InvariantCulture) + 1;
        Tool.RunChecked("msibuild", msiPath, "-q", $"UPDATE `InstallExecuteSequence` SET `Sequence` = {position} WHERE `Action` = 'RemoveExistingProducts'");
    }

    // msidbCustomActionTypeInScript (0x400) with msidbCustomActionTypeRollback (0x100) or ...Commit (0x200).
    private static int InScriptBits(string? execute) => execute switch
    {
        "rollback" => 0x500,
        "commit" => 0x600,
        _ => 0,
    };

    private static List<string> Flagged(IEnumerable<XElement> properties, string attribute) =>
        properties.Where(p => (string?)p.Attribute(attribute) == "yes").Select(p => (string)p.Attribute("Id")!).ToList();

    // wixl writes its own SecureCustomProperties (the upgrade properties): add ours to it, sorted, no duplicates.
    private static void MergeList(string msiPath, IReadOnlyDictionary<string, string> table, string property, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        var existing = table.TryGetValue(property, out var value) ? value.Split(';', StringSplitOptions.RemoveEmptyEntries) : [];
        var merged = string.Join(';', existing.Concat(names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var sql = table.ContainsKey(property)
            ? $"UPDATE `Property` SET `Value` = '{merged}' WHERE `Property` = '{property}'"
            : $"INSERT INTO `Property` (`Property`, `Value`) VALUES ('{property}', '{merged}')";
        Tool.RunChecked("msibuild", msiPath, "-q", sql);
    }
}
