// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Text.RegularExpressions;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What Windows Installer does with a package where Wine is lenient, by Microsoft's and WiX's documentation: each rule
/// below quotes the sentence it implements, with its page. The start of the package's InstallExecuteSequence runs from
/// its own tables, up to CostInitialize, where the properties that decide the Partner value are fixed: the context
/// (who runs msiexec, maintenance or first install, advertised), the command line as far as it reaches the server,
/// FindRelatedProducts over the Upgrade rows, AppSearch, LaunchConditions, then every type-19, type-51 and the Partner
/// ID check in sequence order, each under its condition. Where the documentation is silent or says two things
/// (<see cref="WindowsReading"/>), the run is made under every reading.
/// Not modelled, and proven from the tables instead (<c>WindowsSequenceTests</c>): the rollback of a failed upgrade
/// across RemoveExistingProducts, and everything after CostInitialize but the registry writes' outcome.
/// </summary>
public static partial class WindowsInstallerModel
{
    private const int TextData = 51;
    private const int ErrorMessage = 19;
    private const int VersionMinInclusive = 0x100;
    private const int VersionMaxInclusive = 0x200;
    private const int OnlyDetect = 0x2;

    // Restricted Public Properties (https://learn.microsoft.com/en-us/windows/win32/msi/restricted-public-properties):
    // "the installer defaults to the following list of restricted public properties that can be changed by any user".
    private static readonly HashSet<string> RestrictedPublic =
    [
        "ACTION", "AFTERREBOOT", "ALLUSERS", "EXECUTEACTION", "EXECUTEMODE", "FILEADDDEFAULT", "FILEADDLOCAL",
        "FILEADDSOURCE", "INSTALLLEVEL", "LIMITUI", "LOGACTION", "NOCOMPANYNAME", "NOUSERNAME",
        "MSIENFORCEUPGRADECOMPONENTRULES", "MSIINSTANCEGUID", "MSINEWINSTANCE", "MSIPATCHREMOVE", "PATCH",
        "PRIMARYFOLDER", "PROMPTROLLBACKCOST", "REBOOT", "REINSTALL", "REINSTALLMODE", "RESUME", "SEQUENCE",
        "SHORTFILENAMES", "TRANSFORMS", "TRANSFORMSATSOURCE",
    ];

    /// <summary>msiexec /i of a package: the outcome, which must be the same under every <see cref="WindowsReading"/>.</summary>
    /// <exception cref="InvalidOperationException">The outcome depends on how the documentation is read.</exception>
    public static WindowsOutcome Install(
        WindowsMachine machine,
        string msi,
        IReadOnlyDictionary<string, string> commandLine,
        Caller caller = Caller.ElevatedAdministrator,
        IReadOnlyDictionary<string, string>? transform = null)
    {
        return TheOneOutcome(InstallEveryWay(machine, msi, commandLine, caller, transform), "msiexec /i");
    }

    /// <summary>msiexec /i of a package under every <see cref="WindowsReading"/>.</summary>
    /// <param name="machine">The server before the run.</param>
    /// <param name="msi">The package run with msiexec /i.</param>
    /// <param name="commandLine">NAME=value properties of the command line.</param>
    /// <param name="caller">Who runs msiexec.</param>
    /// <param name="transform">The Property rows of the transform given with TRANSFORMS= on this command line, if any.</param>
    public static IReadOnlyList<(WindowsReading Reading, WindowsOutcome Outcome)> InstallEveryWay(
        WindowsMachine machine,
        string msi,
        IReadOnlyDictionary<string, string> commandLine,
        Caller caller = Caller.ElevatedAdministrator,
        IReadOnlyDictionary<string, string>? transform = null)
    {
        var package = new ModelPackage(msi);
        var registered = machine.Package is null ? null : new ModelPackage(machine.Package);
        return [.. WindowsReading.All.Select(reading => (reading, Install(machine, package, registered, commandLine, caller, transform, reading)))];
    }

    /// <summary>
    /// msiexec /x of a package. Windows looks up the package's ProductCode: "ERROR_UNKNOWN_PRODUCT 1605: This action
    /// is only valid for products that are currently installed" (Error Codes,
    /// https://learn.microsoft.com/en-us/windows/win32/msi/error-codes); Wine exits 0. A user who is not an
    /// administrator is refused: "1730: You must be an Administrator to remove this application" (Windows Installer
    /// Error Messages, a message, not an exit code: 1603 is assumed, as for 1925). Otherwise the execute sequence runs with REMOVE=ALL: the Partner component's value is removed,
    /// and what the restore actions' conditions and data give is put back.
    /// </summary>
    /// <param name="machine">The server before the run.</param>
    /// <param name="msi">The package run with msiexec /x.</param>
    /// <param name="caller">Who runs msiexec.</param>
    /// <param name="commandLine">NAME=value properties of the command line (UNINSTALLPARTNER), if any.</param>
    public static WindowsOutcome Uninstall(WindowsMachine machine, string msi, Caller caller = Caller.ElevatedAdministrator, IReadOnlyDictionary<string, string>? commandLine = null)
    {
        var package = new ModelPackage(msi);
        return TheOneOutcome([.. WindowsReading.All.Select(reading => (reading, Uninstall(machine, package, caller, commandLine ?? new Dictionary<string, string>(), reading)))], "msiexec /x");
    }

    /// <summary>
    /// Whether two product versions are one to FindRelatedProducts: "Windows Installer uses only the first three fields
    /// of the product version. If you include a fourth field in your product version, the installer ignores the fourth
    /// field" (ProductVersion, https://learn.microsoft.com/en-us/windows/win32/msi/productversion; also Upgrade Table).
    /// </summary>
    public static Version ComparableVersion(string productVersion)
    {
        var version = Version.Parse(productVersion);
        return new Version(version.Major, version.Minor, Math.Max(version.Build, 0));
    }

    private static WindowsOutcome Install(
        WindowsMachine machine,
        ModelPackage package,
        ModelPackage? registered,
        IReadOnlyDictionary<string, string> commandLine,
        Caller caller,
        IReadOnlyDictionary<string, string>? transform,
        WindowsReading reading)
    {
        var sameProduct = registered is not null && registered.ProductCode == package.ProductCode;
        var reinstallMode = commandLine.GetValueOrDefault("REINSTALLMODE", string.Empty);

        // A package with the installed product's ProductCode and another PackageCode: "ERROR_PRODUCT_VERSION 1638:
        // Another version of this product is already installed" (Error Codes; that this is when Windows answers it is
        // inference, measured as a difference with Wine in windows-truth.md), unless a reinstall replaces the cached
        // package, as Microsoft's small update does: "msiexec /I [path to updated .msi file] REINSTALL=ALL
        // REINSTALLMODE=vomus" (Applying Small Updates by Reinstalling the Product); "v: ... re-cache the local
        // package" (REINSTALLMODE).
        var recaches = commandLine.GetValueOrDefault("REINSTALL", string.Empty).Length > 0 && reinstallMode.Contains('v', StringComparison.Ordinal);
        if (sameProduct && !machine.Advertised && registered!.PackageCode != package.PackageCode && !recaches)
        {
            return WindowsOutcome.Unchanged(1638, machine, "Another version of this product is already installed.");
        }

        var maintenance = sameProduct && !machine.Advertised;
        var advertisedInstall = sameProduct && machine.Advertised;
        var perUser = IsPerUser(commandLine);

        // "Once an application has been registered as a managed application, subsequent installation operations always
        // run with elevated privileges" (Using Windows Installer with UAC); "per-machine installations are always
        // managed"; "if a non-administrator user then installs the advertised application, the installation can run
        // with elevated privileges. Non-administrator users still cannot install unadvertised packages that require
        // elevated privileges" (Installing a Package with Elevated Privileges for a Non-Admin).
        // (The sentence comes from a page on Group Policy's assigned and published applications; the per-machine page
        // extends it to every per-machine product.)
        var managed = maintenance || advertisedInstall;
        var elevated = managed || caller is Caller.ElevatedAdministrator or Caller.System;
        var properties = new Dictionary<string, string>(package.Properties, StringComparer.Ordinal);

        // "The installer applies all the transforms in the transforms list at every installation, advertisement,
        // installation-on-demand, or maintenance installation of the package"; "the transforms list cannot be
        // modified once installed" (Applying Transforms). Group Policy gives the list when it assigns (advertises).
        foreach (var (name, value) in (sameProduct ? machine.Transform : transform) ?? new Dictionary<string, string>())
        {
            properties[name] = value;
        }

        // An unmanaged run passes everything ("This is an unmanaged installation that is not being done with elevated
        // privileges", Public Properties), and so does an administrator's.
        PassCommandLine(commandLine, properties, package, passAll: !managed || PassesEveryProperty(caller, reading));
        ResolveAllUsers(properties);
        SetEngineProperties(properties, machine, registered, package, maintenance, advertisedInstall, IsAdminUser(caller, reading), managed, reading);

        var before = registered is null ? 0 : 1;
        if (package.LaunchConditions.FirstOrDefault(row => !MsiCondition.Evaluate(row[0], properties)) is { } failed)
        {
            return WindowsOutcome.Unchanged(1603, machine, Format(failed[1], properties), properties);
        }

        if (RunImmediateActions(package, properties, machine.Partner) is { } refusal)
        {
            return WindowsOutcome.Unchanged(1603, machine, refusal, properties);
        }

        if (!elevated && !perUser)
        {
            // "If UAC is enabled and the correct Admin credentials are not provided, the installation fails with an
            // error stating that administrator privileges are required" (ALLUSERS): a silent run has no prompt, and the
            // failure comes when the script starts (InstallInitialize), after the actions modelled above. The message
            // is Windows Installer's 1925 ("You do not have sufficient privileges to complete this installation for
            // all users of the machine", Windows Installer Error Messages); msiexec's exit code for it is not
            // documented: ERROR_INSTALL_FAILURE (1603) is assumed.
            return WindowsOutcome.Unchanged(1603, machine, "Error 1925: You do not have sufficient privileges to complete this installation for all users of the machine.", properties);
        }

        var reinstall = properties.GetValueOrDefault("REINSTALL", string.Empty).Length > 0;
        var rewrites = reinstall && RewritesMachineRegistry(properties.GetValueOrDefault("REINSTALLMODE", string.Empty), reading);
        if (maintenance)
        {
            // Maintenance mode writes only what a reinstall asks for; "REINSTALLMODE ... m: Rewrite all required registry
            // entries from the Registry Table that go to the HKEY_LOCAL_MACHINE" hive.
            return new WindowsOutcome(0, true, 1, rewrites ? properties[PackageProperties.PartnerId] : machine.Partner, machine.Remembered, null, properties);
        }

        if (reinstall)
        {
            // "if REINSTALL is set for a product that is yet to be installed, no installation action will take place at
            // all" (REINSTALL).
            return WindowsOutcome.Unchanged(0, machine, "REINSTALL on a product that is not installed.", properties);
        }

        // A first install (or the install of an advertised product): an installed PorSetup is removed only when an
        // Upgrade row that is not detect-only found it (RemoveExistingProducts).
        var replaced = registered is not null && !sameProduct && package.RemovingUpgradeProperties.Any(properties.ContainsKey);
        var products = 1 + (registered is not null && !sameProduct && !replaced ? 1 : 0);
        var remembered = properties.GetValueOrDefault(PackageProperties.PartnerBeforePorSetup, string.Empty);
        return new WindowsOutcome(0, false, products, properties[PackageProperties.PartnerId], remembered.Length > 0 ? remembered : null, null, properties);
    }

    private static WindowsOutcome Uninstall(WindowsMachine machine, ModelPackage package, Caller caller, IReadOnlyDictionary<string, string> commandLine, WindowsReading reading)
    {
        if (machine.Package is null || new ModelPackage(machine.Package).ProductCode != package.ProductCode)
        {
            return WindowsOutcome.Unchanged(1605, machine, "This action is only valid for products that are currently installed.");
        }

        // The message's own words; no page says more of when Windows raises it.
        if (!IsAdminUser(caller, reading))
        {
            return WindowsOutcome.Unchanged(1603, machine, "Error 1730: You must be an Administrator to remove this application.");
        }

        var properties = new Dictionary<string, string>(package.Properties, StringComparer.Ordinal) { ["REMOVE"] = "ALL" };
        foreach (var (name, value) in machine.Transform ?? new Dictionary<string, string>())
        {
            properties[name] = value;
        }

        // The product is managed: an administrator's command line passes whole, anyone else's only the secure and
        // restricted properties (UNINSTALLPARTNER is secure).
        PassCommandLine(commandLine, properties, package, passAll: PassesEveryProperty(caller, reading));

        // An advertised product can be removed ("The package must be authored so that advertised applications can be
        // uninstalled", Removing an Advertised Application); it never wrote the Partner value.
        SetEngineProperties(properties, machine, null, package, maintenance: !machine.Advertised, advertisedInstall: machine.Advertised, adminUser: true, managed: true, reading);
        if (RunImmediateActions(package, properties, machine.Partner) is { } refusal)
        {
            return WindowsOutcome.Unchanged(1603, machine, refusal, properties);
        }

        // RemoveRegistryValues: "This action removes a registry value that has been authored into the Registry table if the
        // associated component was installed locally or as run from source and is now set to be uninstalled"
        // (RemoveRegistryValues Action, https://learn.microsoft.com/en-us/windows/win32/msi/removeregistryvalues-action),
        // whatever the value holds now (an advertised product never wrote it). Then the
        // deferred actions after it, in sequence order, each under its condition, with the CustomActionData its type 51
        // set before InstallInitialize: "putback" writes the value before PorSetup, "keep" the value before this run;
        // empty data removes the value.
        var partner = machine.Advertised ? machine.Partner : null;
        foreach (var (action, data) in new[] { ("PutBackPartnerBeforePorSetup", "SetPutBackPartnerBeforePorSetupData"), ("KeepPartnerAtUninstall", "SetKeepPartnerAtUninstallData") })
        {
            var deferred = package.Sequence.Single(row => row.Action == action);
            var setData = package.Sequence.Single(row => row.Action == data);
            if (MsiCondition.Evaluate(setData.Condition, properties) && MsiCondition.Evaluate(deferred.Condition, properties))
            {
                var value = Format(package.CustomActions[data][3], properties);
                partner = value.Length > 0 ? value : null;
            }
        }

        return new WindowsOutcome(0, true, 0, partner, null, null, properties);
    }

    // The type-19, type-51 and DLL actions before CostInitialize, in sequence order; returns the text of a refusal.
    private static string? RunImmediateActions(ModelPackage package, Dictionary<string, string> properties, string? partner)
    {
        foreach (var (action, condition, _) in package.Sequence.Where(row => package.CustomActions.ContainsKey(row.Action) && row.Sequence < package.CostInitialize))
        {
            if (!MsiCondition.Evaluate(condition, properties))
            {
                continue;
            }

            var row = package.CustomActions[action];
            var type = int.Parse(row[1], CultureInfo.InvariantCulture);
            if (type == ErrorMessage)
            {
                // "This custom action displays a specified error message, returns failure, and then terminates the
                // installation" (Custom Action Type 19).
                return Format(row[3], properties);
            }

            if (row[3] == "DecidePartnerId")
            {
                // PorSetup's own action (DecidePartnerIdAction, unit-tested): the value before this run read again (a
                // plain string's form is the search's); with KeepPartnerId and no ID given, the Partner value if it
                // follows the rule, else the installed ID; the check; WritePartnerId unless the ID is already both.
                SetOrRemove(properties, PackageProperties.PartnerBeforeThisRun, partner);
                var installed = properties.GetValueOrDefault(PackageProperties.InstalledPartner, string.Empty);
                if (properties.ContainsKey(PackageProperties.KeepPartnerId) && properties.GetValueOrDefault(PackageProperties.PartnerId, string.Empty).Length == 0)
                {
                    SetOrRemove(properties, PackageProperties.PartnerId, PartnerId.Check(partner).IsValid ? partner : installed);
                }

                var check = PartnerId.Check(properties.GetValueOrDefault(PackageProperties.PartnerId));
                if (!check.IsValid)
                {
                    return PartnerIdMessages.Refusal(check, MessageLanguage.English);
                }

                properties[PackageProperties.PartnerId] = check.Normalized;
                SetOrRemove(properties, PackageProperties.WritePartnerId, partner == check.Normalized && installed == check.Normalized ? null : "1");
            }
            else if (type == TextData)
            {
                properties[row[2]] = Format(row.Length > 3 ? row[3] : string.Empty, properties);
            }
        }

        return null;
    }

    // An empty property is no property (MSI: "an absent property reads as the empty string").
    private static void SetOrRemove(Dictionary<string, string> properties, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            properties.Remove(name);
        }
        else
        {
            properties[name] = value;
        }
    }

    // Public Properties (https://learn.microsoft.com/en-us/windows/win32/msi/public-properties): "All public properties
    // can be overridden by all users if any of the following conditions are true. The user is a system administrator.
    // ... This is an unmanaged installation that is not being done with elevated privileges." Otherwise the restricted
    // public properties and those "included with the default list" by SecureCustomProperties; "Ignoring disallowed
    // property" is all the verbose log says of the others. (Restricted Public Properties still lists "The system is
    // Windows 2000" among its conditions; Public Properties states the rule without it, and the model follows that.) "Private property values cannot be overridden at a command
    // line" (Private Properties): a name with a lower-case letter never passes.
    private static void PassCommandLine(IReadOnlyDictionary<string, string> commandLine, Dictionary<string, string> properties, ModelPackage package, bool passAll)
    {
        foreach (var (name, value) in commandLine)
        {
            var isPublic = !name.Any(char.IsLower);
            if (isPublic && (passAll || RestrictedPublic.Contains(name) || package.SecureProperties.Contains(name)))
            {
                properties[name] = value;
            }
        }
    }

    // "If the value of the ALLUSERS property is set to 2, the Windows Installer always resets the value of the ALLUSERS
    // property to 1 and performs a per-machine installation or it resets the value ... to an empty string ("") and
    // performs a per-user installation" (ALLUSERS); which one, the MSIINSTALLPERUSER page says: "If the value of the
    // ALLUSERS property does not equal 2, the Windows Installer ignores the value of the MSIINSTALLPERUSER property",
    // and with 1 it installs per user (on Windows 7 / Server 2008 R2 and later, which PorSetup's servers are).
    private static void ResolveAllUsers(Dictionary<string, string> properties)
    {
        if (properties.GetValueOrDefault("ALLUSERS") == "2")
        {
            properties["ALLUSERS"] = properties.GetValueOrDefault("MSIINSTALLPERUSER") == "1" ? string.Empty : "1";
        }

        if (properties.GetValueOrDefault("ALLUSERS", string.Empty).Length == 0)
        {
            properties.Remove("ALLUSERS");
        }
    }

    private static bool IsPerUser(IReadOnlyDictionary<string, string> commandLine) =>
        commandLine.TryGetValue("ALLUSERS", out var allUsers) && (allUsers.Length == 0 || (allUsers == "2" && commandLine.GetValueOrDefault("MSIINSTALLPERUSER") == "1"));

    private static void SetEngineProperties(
        Dictionary<string, string> properties,
        WindowsMachine machine,
        ModelPackage? registered,
        ModelPackage package,
        bool maintenance,
        bool advertisedInstall,
        bool adminUser,
        bool managed,
        WindowsReading reading)
    {
        // "The installer sets the ProductState property to the installation state for the product at initialization":
        // -1 "neither advertised or installed", 1 "advertised but not installed", 5 "installed for the current user"
        // (ProductState, https://learn.microsoft.com/en-us/windows/win32/msi/productstate).
        properties["ProductState"] = maintenance ? "5" : advertisedInstall ? "1" : "-1";
        if (maintenance || (advertisedInstall && reading.AdvertisedProductIsInstalled))
        {
            properties["Installed"] = "1";
        }

        // "The FindRelatedProducts action only runs the first time the product is installed. The FindRelatedProducts
        // action does not run during maintenance mode or uninstallation" (FindRelatedProducts). An advertised
        // product's install is its first, but the one registered package the model holds is that product itself.
        if (!maintenance && !advertisedInstall && registered is not null)
        {
            FindRelatedProducts(package, registered, properties);
        }

        // AdminUser (https://learn.microsoft.com/en-us/windows/win32/msi/adminuser): "Windows Server 2008 and Windows
        // Vista: The AdminUser property is the same as the Privileged property ... The installer sets these properties
        // if the user has administrator privileges, if the application has been assigned by a system administrator, or
        // if both the user and machine policies AlwaysInstallElevated are set". The page names no later version; public
        // reports of msi.dll say the same holds since (windows-truth.md), so the model takes the unsafe reading: a
        // managed run sets AdminUser for anyone, unless the package sets MSIUSEREALADMINDETECTION "to 1 to request that
        // the installer use actual user information when setting the AdminUser property" (MSIUSEREALADMINDETECTION,
        // whose requirements name Windows Installer 5.0 on Windows Server 2012). Privileged is set in both cases.
        var realAdminDetection = properties.GetValueOrDefault("MSIUSEREALADMINDETECTION") == "1";
        if (adminUser || (managed && !realAdminDetection))
        {
            properties["AdminUser"] = "1";
        }

        if (adminUser || managed)
        {
            properties["Privileged"] = "1";
        }

        // AppSearch: the registry searches of the Partner value, of the installed ID and of the value PorSetup remembered.
        // "If the AppSearch action locates the signature, the installer overrides the initialized property value with the
        // found value. If the signature is not found, then the initial property value is used" (AppSearch Table,
        // https://learn.microsoft.com/en-us/windows/win32/msi/appsearch-table).
        if (machine.Partner is not null)
        {
            properties[PackageProperties.PartnerBeforeThisRun] = machine.Partner;
        }

        if (machine.StoredInstalledPartner is { Length: > 0 } installed)
        {
            properties[PackageProperties.InstalledPartner] = installed;
        }

        if (machine.Remembered is not null)
        {
            properties[PackageProperties.PartnerBeforePorSetup] = machine.Remembered;
        }
    }

    private static bool PassesEveryProperty(Caller caller, WindowsReading reading) => caller switch
    {
        Caller.ElevatedAdministrator or Caller.System => true,
        Caller.FilteredAdministrator => reading.FilteredAdministratorPassesEveryProperty,
        _ => false,
    };

    // LocalSystem's token and an elevated administrator's hold the Administrators group: AdminUser by "actual user
    // information".
    private static bool IsAdminUser(Caller caller, WindowsReading reading) => caller switch
    {
        Caller.ElevatedAdministrator or Caller.System => true,
        Caller.FilteredAdministrator => reading.FilteredAdministratorIsAdminUser,
        _ => false,
    };

    private static bool RewritesMachineRegistry(string reinstallMode, WindowsReading reading) =>
        reinstallMode.Length == 0 ? reading.ReinstallWithoutModeRewritesRegistry : reinstallMode.Contains('m', StringComparison.OrdinalIgnoreCase);

    // Each Upgrade row: same UpgradeCode, version in range (inclusive bits, first three fields), language listed or
    // none listed ("FindRelatedProducts ... compares the upgrade code, product version, and language in each row").
    private static void FindRelatedProducts(ModelPackage package, ModelPackage installed, Dictionary<string, string> properties)
    {
        var version = ComparableVersion(installed.Properties["ProductVersion"]);
        foreach (var row in package.Upgrade)
        {
            var (code, min, max, language, attributes, actionProperty) = (row[0], row[1], row[2], row[3], int.Parse(row[4], CultureInfo.InvariantCulture), row[6]);
            var matches = code == installed.Properties["UpgradeCode"]
                && (min.Length == 0 || ((attributes & VersionMinInclusive) != 0 ? version >= ComparableVersion(min) : version > ComparableVersion(min)))
                && (max.Length == 0 || ((attributes & VersionMaxInclusive) != 0 ? version <= ComparableVersion(max) : version < ComparableVersion(max)))
                && (language.Length == 0 || language.Split(',').Contains(installed.Properties["ProductLanguage"]));
            if (matches)
            {
                properties[actionProperty] = installed.ProductCode;
            }
        }
    }

    // The outcome every reading gives, or an exception naming the readings that end otherwise.
    private static WindowsOutcome TheOneOutcome(IReadOnlyList<(WindowsReading Reading, WindowsOutcome Outcome)> outcomes, string run)
    {
        var (reading, first) = outcomes[0];
        var different = outcomes.Where(o => !o.Outcome.EndsLike(first)).ToList();
        return different.Count == 0
            ? first
            : throw new InvalidOperationException(
                $"The outcome of {run} depends on how the documentation is read: {reading} gives {Describe(first)}; "
                + string.Join("; ", different.Select(o => $"{o.Reading} gives {Describe(o.Outcome)}")));
    }

    private static string Describe(WindowsOutcome outcome) =>
        $"exit {outcome.ExitCode}, maintenance {outcome.Maintenance}, {outcome.Products} product(s), Partner {outcome.Partner ?? "(none)"}, remembered {outcome.Remembered ?? "(none)"}, refusal {outcome.Refusal ?? "(none)"}";

    private static string Format(string text, IReadOnlyDictionary<string, string> properties) =>
        PropertyReference().Replace(text, match => properties.GetValueOrDefault(match.Groups[1].Value, string.Empty));

    [GeneratedRegex(@"\[([A-Za-z_][A-Za-z0-9_.]*)\]")]
    private static partial Regex PropertyReference();

    // A package's tables, read once per model run.
    private sealed class ModelPackage
    {
        public ModelPackage(string msi)
        {
            this.Properties = MsiTables.ReadProperties(msi);
            this.PackageCode = MsiTables.ReadSummary(msi)["Revision number (UUID)"];
            this.CustomActions = MsiTables.Read(msi, "CustomAction").ToDictionary(row => row[0]);
            this.Sequence = [.. MsiTables.Read(msi, "InstallExecuteSequence")
                .Select(row => (Action: row[0], Condition: row[1], Sequence: int.Parse(row[2], CultureInfo.InvariantCulture)))
                .OrderBy(row => row.Sequence)];
            this.CostInitialize = this.Sequence.Single(row => row.Action == "CostInitialize").Sequence;
            this.LaunchConditions = MsiTables.Read(msi, "LaunchCondition");
            this.Upgrade = MsiTables.Read(msi, "Upgrade");
            this.SecureProperties = this.Properties.TryGetValue("SecureCustomProperties", out var list) ? [.. list.Split(';')] : [];
        }

        public IReadOnlyDictionary<string, string> Properties { get; }

        public string ProductCode => this.Properties["ProductCode"];

        public string PackageCode { get; }

        public Dictionary<string, string[]> CustomActions { get; }

        public IReadOnlyList<(string Action, string Condition, int Sequence)> Sequence { get; }

        public int CostInitialize { get; }

        public IReadOnlyList<string[]> LaunchConditions { get; }

        public IReadOnlyList<string[]> Upgrade { get; }

        public HashSet<string> SecureProperties { get; }

        // The ActionProperty of each Upgrade row RemoveExistingProducts acts on (not msidbUpgradeAttributesOnlyDetect).
        public IEnumerable<string> RemovingUpgradeProperties =>
            this.Upgrade.Where(row => (int.Parse(row[4], CultureInfo.InvariantCulture) & OnlyDetect) == 0).Select(row => row[6]);
    }
}
