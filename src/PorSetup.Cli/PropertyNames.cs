// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli;

/// <summary>The package properties the tool writes and shows.</summary>
public static class PropertyNames
{
    /// <summary>The public property an administrator sets (command line, transform).</summary>
    public const string PartnerId = "PARTNERID";

    /// <summary>The private property a stamped copy carries its Partner ID in.</summary>
    public const string StampedPartnerId = Msi.MsiStamper.StampedPartnerIdProperty;

    /// <summary>
    /// The private property a transform carries its Partner ID in. Not PARTNERID: Windows applies the transforms
    /// registered with a product again at every maintenance operation, and a PARTNERID there would come back at
    /// every repair; the package uses TransformPartnerId only when it is new on the machine.
    /// </summary>
    public const string TransformPartnerId = "TransformPartnerId";
}
