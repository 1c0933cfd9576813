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

    /// <summary>The installed ID: the Partner value as the package's registry search finds it, kept on repair and upgrade.</summary>
    public const string InstalledPartnerId = "INSTALLEDPARTNERID";

    /// <summary>The Partner value before this install, read by the check's worker; what a failed install puts back.</summary>
    public const string PartnerBeforeThisInstall = "PartnerBeforeThisInstall";

    /// <summary>The Partner value before PorSetup's first install, remembered in PorSetup's key; what the last uninstall puts back.</summary>
    public const string PartnerBeforePorSetup = "PARTNERBEFOREPORSETUP";

    /// <summary>Set when this product is installed, and not only advertised: the package is not new on the server.</summary>
    public const string ProductInstalled = "ProductInstalled";
}
