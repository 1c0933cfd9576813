// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One way to read what Microsoft's documentation leaves open or says two ways. <see cref="WindowsInstallerModel"/>
/// runs a package under every reading: PorSetup must not depend on which one Windows follows.
/// </summary>
/// <param name="AdvertisedProductIsInstalled">
/// Whether Installed is set while an advertised product is installed. Microsoft (Removing an Advertised Application,
/// https://learn.microsoft.com/en-us/windows/win32/msi/removing-an-advertised-application): "An advertised application
/// is not installed on the user's computer and the installer does not set the Installed Property"; nothing shows that
/// Group Policy's install at startup follows it.
/// </param>
/// <param name="FilteredAdministratorPassesEveryProperty">
/// Whether an administrator whose prompt UAC did not elevate counts as "a system administrator" for the public
/// properties a managed installation passes to its elevated side (Public Properties: "All public properties can be
/// overridden by all users if any of the following conditions are true. The user is a system administrator.").
/// </param>
/// <param name="FilteredAdministratorIsAdminUser">
/// Whether that administrator's "actual user information" sets AdminUser (MSIUSEREALADMINDETECTION). No page says
/// which token either check asks, so the two are read independently.
/// </param>
/// <param name="ReinstallWithoutModeRewritesRegistry">
/// REINSTALL without REINSTALLMODE: "By default, no registry entries are rewritten" (REINSTALL,
/// https://learn.microsoft.com/en-us/windows/win32/msi/reinstall), or "By default the REINSTALLMODE is "omus"", whose
/// "m" rewrites "all required registry entries from the Registry Table that go to the HKEY_LOCAL_MACHINE" hive
/// (REINSTALLMODE, https://learn.microsoft.com/en-us/windows/win32/msi/reinstallmode).
/// </param>
public sealed record WindowsReading(
    bool AdvertisedProductIsInstalled,
    bool FilteredAdministratorPassesEveryProperty,
    bool FilteredAdministratorIsAdminUser,
    bool ReinstallWithoutModeRewritesRegistry)
{
    /// <summary>Every combination of the four readings.</summary>
    public static IReadOnlyList<WindowsReading> All { get; } =
        [.. from advertised in new[] { false, true }
            from passes in new[] { false, true }
            from adminUser in new[] { false, true }
            from reinstall in new[] { false, true }
            select new WindowsReading(advertised, passes, adminUser, reinstall)];
}
