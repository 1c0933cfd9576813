// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Msi;

namespace PorSetup.Cli.Commands;

/// <summary>porsetup stamp PorSetup.msi -p 1234567: a copy that installs with no arguments (Group Policy).</summary>
public static class StampCommand
{
    public static Command Create() => PackageCommand.Create(
        "stamp",
        "Writes a copy of the MSI with the Partner ID stamped in it, for Group Policy software installation, which cannot pass properties, and prints the copy's ProductCode and PackageCode. An existing file is not replaced without --force: a copy already deployed from a share must keep its codes.",
        (msi, id) => Path.Combine(Path.GetDirectoryName(msi)!, $"{Path.GetFileNameWithoutExtension(msi)}-{id}.msi"),
        (msi, id, output) =>
        {
            MsiStamper.Stamp(msi.Path, output, new Dictionary<string, string> { [PropertyNames.PartnerId] = id });

            // What was written, read back from the copy: the codes that tell it from the original.
            var properties = MsiProperties.Read(output);
            var packageCode = MsiProperties.ReadSummaryInformation(output).GetString(SummaryPropertyId.RevisionNumber);
            return $"Wrote {output}: Partner ID {id}, ProductCode {properties.GetValueOrDefault("ProductCode", "(none)")}, PackageCode {packageCode}.";
        });
}
