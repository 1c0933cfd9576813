// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup;

/// <summary>
/// The names of the properties PorSetup's package defines (installer/Package.wxs), which its custom actions, porsetup
/// and the tests share; <c>PackagePropertiesTests</c> checks Package.wxs against them. A private name (lower-case
/// letters) cannot be set on a command line; a public one (upper case) can, and AppSearch needs one.
/// </summary>
public static class PackageProperties
{
    /// <summary>The ID given for this run on the command line (public, secure): the one documented property.</summary>
    public const string PartnerId = "PARTNERID";

    /// <summary>The ID `porsetup stamp` writes into a copy's Property table; used when the package is new on the server.</summary>
    public const string StampedPartnerId = "StampedPartnerId";

    /// <summary>
    /// The ID a transform made by `porsetup transform` gives; used when the package is new on the server. Not PARTNERID:
    /// Windows applies the transforms registered with a product again at every maintenance operation, and a PARTNERID
    /// there would come back at every repair.
    /// </summary>
    public const string TransformPartnerId = "TransformPartnerId";

    /// <summary>
    /// The installed ID: the Partner ID PorSetup wrote last, kept in PorSetup's own key (HKLM\SOFTWARE\PorSetup,
    /// InstalledPartner) and found there by the package's registry search; put back by a repair, a redeploy or an
    /// upgrade when the Partner value is missing or breaks the rule.
    /// </summary>
    public const string InstalledPartner = "INSTALLEDPARTNER";

    /// <summary>
    /// The Partner value before this run: found by the package's registry search (raw form), then, at an install,
    /// repair or upgrade, read again exactly by the check's worker (<c>RegistryData.ToRememberedForm</c>). What a
    /// failed run puts back, what the first install remembers, and what an uninstall with UNINSTALLPARTNER=keep
    /// writes back.
    /// </summary>
    public const string PartnerBeforeThisRun = "PARTNERBEFORETHISRUN";

    /// <summary>
    /// Set when no ID is given and PorSetup is installed or being upgraded: the ID on the machine is kept, the Partner
    /// value if it follows the rule, else <see cref="InstalledPartner"/>.
    /// </summary>
    public const string KeepPartnerId = "KeepPartnerId";

    /// <summary>
    /// Set by the check when the ID to write is not already both the Partner value and the installed ID: an installed
    /// product's run then asks for a reinstall, without which Windows' maintenance mode would write nothing.
    /// </summary>
    public const string WritePartnerId = "WritePartnerId";

    /// <summary>
    /// The uninstall's choice for the Partner value (public, secure, case-insensitive): putback (the default, also when
    /// empty), keep or delete; anything else refuses the uninstall.
    /// </summary>
    public const string UninstallPartner = "UNINSTALLPARTNER";

    /// <summary>The Partner value before PorSetup's first install, remembered in PorSetup's key; what the last uninstall puts back.</summary>
    public const string PartnerBeforePorSetup = "PARTNERBEFOREPORSETUP";

    /// <summary>Set when this product is installed, and not only advertised: the package is not new on the server.</summary>
    public const string ProductInstalled = "ProductInstalled";
}
