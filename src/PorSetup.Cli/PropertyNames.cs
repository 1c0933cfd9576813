// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli;

/// <summary>The package properties the tool writes and shows.</summary>
public static class PropertyNames
{
    /// <summary>The public property an administrator sets (command line, transform).</summary>
    public const string PartnerId = "PARTNERID";

    /// <summary>The private property a stamped copy carries its Partner ID in.</summary>
    public const string StampedPartnerId = Msi.MsiStamper.StampedPartnerIdProperty;
}
