// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Msi;

namespace PorSetup.Cli.Commands;

/// <summary>porsetup stamp PorSetup.msi -p 1234567: a copy that installs with no arguments (Group Policy).</summary>
public static class StampCommand
{
    public static Command Create() => PackageCommand.Create(
        "stamp",
        "Writes a copy of the MSI with the Partner ID stamped into its Property table (StampedPartnerId) and a new PackageCode and ProductCode, for Group Policy software installation, which cannot pass properties. The copy replaces any installed PorSetup of the same or a lower version.",
        (msi, id) => Path.Combine(msi.DirectoryName!, $"{Path.GetFileNameWithoutExtension(msi.Name)}-{id}.msi"),
        (msi, id, output) =>
        {
            var codes = MsiStamper.Stamp(msi.FullName, output, new Dictionary<string, string> { [MsiStamper.StampedPartnerIdProperty] = id });
            return $"Wrote {output}: stamped Partner ID {id}, PackageCode {codes.PackageCode.ToString("B").ToUpperInvariant()}, ProductCode {codes.ProductCode.ToString("B").ToUpperInvariant()}.";
        });
}
