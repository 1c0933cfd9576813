// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Msi;

namespace PorSetup.Cli.Commands;

/// <summary>porsetup stamp PorSetup.msi -p 1234567: a copy that installs with no arguments (Group Policy).</summary>
public static class StampCommand
{
    public static Command Create() => PackageCommand.Create(
        "stamp",
        "Writes a copy of the MSI with PARTNERID set in its Property table and a new PackageCode, for Group Policy software installation, which cannot pass properties.",
        (msi, id) => Path.Combine(Path.GetDirectoryName(msi)!, $"{Path.GetFileNameWithoutExtension(msi)}-{id}.msi"),
        (msi, id, output) =>
        {
            var packageCode = MsiStamper.Stamp(msi.Path, output, new Dictionary<string, string> { [PropertyNames.PartnerId] = id });
            return $"Wrote {output}: PARTNERID={id}, PackageCode {packageCode.ToString("B").ToUpperInvariant()}.";
        });
}
