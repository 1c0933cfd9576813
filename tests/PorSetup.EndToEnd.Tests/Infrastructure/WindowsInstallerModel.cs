// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Text.RegularExpressions;
using PorSetup.Build;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>What Windows Installer does with a package, by its documented rules, where Wine is lenient.</summary>
/// <param name="ExitCode">0, or 1603 when a launch condition or the Partner ID check refuses.</param>
/// <param name="Maintenance">The package's ProductCode is installed: Windows runs it in maintenance mode.</param>
/// <param name="Products">PorSetup products registered afterwards.</param>
/// <param name="Partner">The Partner value afterwards (raw search form for a value that was not PorSetup's).</param>
/// <param name="Properties">The properties once the execute sequence reached CostInitialize.</param>
public sealed record WindowsOutcome(int ExitCode, bool Maintenance, int Products, string? Partner, IReadOnlyDictionary<string, string> Properties);

/// <summary>
/// Runs the start of a package's InstallExecuteSequence from its own tables, up to CostInitialize, where the feature
/// states that decide whether the Partner value is written are fixed: FindRelatedProducts over the Upgrade rows
/// (versions, inclusive bits, language), AppSearch (the Partner value), LaunchConditions, then every type-51 and the
/// Partner ID check in sequence order, each under its condition. Then the documented rules Wine does not keep:
/// an installed package runs in maintenance mode and rewrites its registry values only for REINSTALL; REINSTALL on a
/// package that is not installed installs nothing; a standard user's command line reaches the elevated server side
/// only through SecureCustomProperties (and the restricted public properties such as REINSTALL); the transforms
/// registered with an installed product are applied again at every maintenance operation, and a transform given to
/// one is ignored ("Applying Transforms": transforms are applied when the product is installed).
/// </summary>
public static partial class WindowsInstallerModel
{
    private const int MsidbCustomActionTypeTextData = 51;
    private const int VersionMinInclusive = 0x100;
    private const int VersionMaxInclusive = 0x200;

    // Public properties a non-administrator's command line still passes to the server (Restricted Public Properties).
    private static readonly HashSet<string> RestrictedPublic = ["REINSTALL", "REINSTALLMODE", "REMOVE", "ADDLOCAL", "TRANSFORMS"];

    /// <param name="installedMsi">The package of the PorSetup product installed now, or null.</param>
    /// <param name="partner">The Partner value on the machine in raw search form (## for a leading #), or null.</param>
    /// <param name="msi">The package run with msiexec /i.</param>
    /// <param name="commandLine">NAME=value properties of the command line.</param>
    /// <param name="standardUser">Run by a standard user (a repair of the per-machine product, elevated by Windows).</param>
    /// <param name="transform">The Property rows of the transform given with TRANSFORMS= on this command line, if any.</param>
    /// <param name="installedTransform">The Property rows of the transform the installed product was installed with, if any.</param>
    public static WindowsOutcome Install(
        string? installedMsi,
        string? partner,
        string msi,
        IReadOnlyDictionary<string, string> commandLine,
        bool standardUser = false,
        IReadOnlyDictionary<string, string>? transform = null,
        IReadOnlyDictionary<string, string>? installedTransform = null)
    {
        var database = MsiTables.ReadProperties(msi);
        var installed = installedMsi is null ? null : MsiTables.ReadProperties(installedMsi);
        var maintenance = installed is not null && installed["ProductCode"] == database["ProductCode"];
        var properties = new Dictionary<string, string>(database, StringComparer.Ordinal);
        foreach (var (name, value) in (maintenance ? installedTransform : transform) ?? new Dictionary<string, string>())
        {
            properties[name] = value;
        }

        var secure = database.TryGetValue("SecureCustomProperties", out var list) ? list.Split(';').ToHashSet(StringComparer.Ordinal) : [];
        foreach (var (name, value) in commandLine)
        {
            if (!standardUser || secure.Contains(name) || RestrictedPublic.Contains(name))
            {
                properties[name] = value;
            }
        }

        if (properties.ContainsKey("REMOVE"))
        {
            throw new NotSupportedException("The model covers installs, repairs and upgrades, not uninstalls.");
        }

        if (maintenance)
        {
            properties["Installed"] = "1";
        }
        else if (installed is not null)
        {
            FindRelatedProducts(msi, installed, properties);
        }

        if (partner is not null)
        {
            properties["SAVEDPARTNERID"] = partner;
        }

        var before = installed is null ? 0 : 1;
        if (MsiTables.Read(msi, "LaunchCondition").Any(row => !MsiCondition.Evaluate(row[0], properties)))
        {
            return new WindowsOutcome(1603, maintenance, before, partner, properties);
        }

        var customActions = MsiTables.Read(msi, "CustomAction").ToDictionary(row => row[0]);
        var sequence = MsiTables.Read(msi, "InstallExecuteSequence")
            .Select(row => (Action: row[0], Condition: row[1], Sequence: int.Parse(row[2], CultureInfo.InvariantCulture)))
            .ToList();
        var costInitialize = sequence.Single(row => row.Action == "CostInitialize").Sequence;
        foreach (var (action, condition, _) in sequence.Where(row => customActions.ContainsKey(row.Action) && row.Sequence < costInitialize).OrderBy(row => row.Sequence))
        {
            if (!MsiCondition.Evaluate(condition, properties))
            {
                continue;
            }

            var row = customActions[action];
            if (row[3] == "ValidatePartnerId")
            {
                var check = PartnerId.Check(properties.GetValueOrDefault("PARTNERID"));
                if (!check.IsValid)
                {
                    return new WindowsOutcome(1603, maintenance, before, partner, properties);
                }

                properties["PARTNERID"] = check.Normalized;
            }
            else if (int.Parse(row[1], CultureInfo.InvariantCulture) == MsidbCustomActionTypeTextData)
            {
                properties[row[2]] = Format(row.Length > 3 ? row[3] : string.Empty, properties);
            }
        }

        var reinstall = properties.GetValueOrDefault("REINSTALL", string.Empty).Length > 0;
        if (maintenance)
        {
            return new WindowsOutcome(0, true, 1, reinstall ? properties["PARTNERID"] : partner, properties);
        }

        // A first install of this package; an installed PorSetup is removed only when an Upgrade row found it.
        var replaced = installed is not null && properties.ContainsKey(UpgradeRows.UpgradeDetected);
        var products = 1 + (installed is not null && !replaced ? 1 : 0);
        var written = reinstall ? (replaced ? null : partner) : properties["PARTNERID"];
        return new WindowsOutcome(0, false, products, written, properties);
    }

    /// <summary>
    /// msiexec /x of a package: Windows looks up the package's ProductCode and, when it is not the installed one,
    /// exits 1605 (ERROR_UNKNOWN_PRODUCT) and changes nothing (Wine exits 0). Otherwise the product is removed, and
    /// with it the Partner value, which goes back to the value PorSetup remembered before its first install, if any.
    /// </summary>
    /// <param name="installedMsi">The package of the PorSetup product installed now, or null.</param>
    /// <param name="partner">The Partner value on the machine now.</param>
    /// <param name="msi">The package given to msiexec /x.</param>
    /// <param name="remembered">The value found before PorSetup's first install (HKLM\SOFTWARE\PorSetup), or null.</param>
    public static WindowsOutcome Uninstall(string? installedMsi, string? partner, string msi, string? remembered = null)
    {
        var productCode = MsiTables.ReadProperties(msi)["ProductCode"];
        if (installedMsi is null || MsiTables.ReadProperties(installedMsi)["ProductCode"] != productCode)
        {
            return new WindowsOutcome(1605, false, installedMsi is null ? 0 : 1, partner, new Dictionary<string, string>());
        }

        return new WindowsOutcome(0, true, 0, remembered, new Dictionary<string, string>());
    }

    // Each Upgrade row: same UpgradeCode, version in range (inclusive bits), language listed or none listed.
    private static void FindRelatedProducts(string msi, IReadOnlyDictionary<string, string> installed, Dictionary<string, string> properties)
    {
        var version = Version.Parse(installed["ProductVersion"]);
        foreach (var row in MsiTables.Read(msi, "Upgrade"))
        {
            // A detect-only row (msidbUpgradeAttributesOnlyDetect) sets its property too; only RemoveExistingProducts differs.
            var (code, min, max, language, attributes, actionProperty) = (row[0], row[1], row[2], row[3], int.Parse(row[4], CultureInfo.InvariantCulture), row[6]);
            var matches = code == installed["UpgradeCode"]
                && (min.Length == 0 || ((attributes & VersionMinInclusive) != 0 ? version >= Version.Parse(min) : version > Version.Parse(min)))
                && (max.Length == 0 || ((attributes & VersionMaxInclusive) != 0 ? version <= Version.Parse(max) : version < Version.Parse(max)))
                && (language.Length == 0 || language.Split(',').Contains(installed["ProductLanguage"]));
            if (matches)
            {
                properties[actionProperty] = installed["ProductCode"];
            }
        }
    }

    private static string Format(string text, IReadOnlyDictionary<string, string> properties) =>
        PropertyReference().Replace(text, match => properties.GetValueOrDefault(match.Groups[1].Value, string.Empty));

    [GeneratedRegex(@"\[([A-Za-z_][A-Za-z0-9_.]*)\]")]
    private static partial Regex PropertyReference();
}
