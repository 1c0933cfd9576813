// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Msi;

namespace PorSetup.Cli.Commands;

/// <summary>porsetup stamp PorSetup.msi -p 1234567: a copy that installs with no arguments (Group Policy).</summary>
public static class StampCommand
{
    public static Command Create() => PackageCommand.Create(
        "stamp",
        "Writes a copy of the MSI with the Partner ID stamped into its Property table (StampedPartnerId) and a new PackageCode and ProductCode, for Group Policy software installation, which cannot pass properties. The copy replaces any installed PorSetup of the same or a lower version. An existing file is not replaced without --force: a copy already deployed from a share must keep its codes. A signed MSI's signature does not carry over to the copy (it no longer matches): --sign-with signs the copy.",
        (msi, id) => Path.Combine(Path.GetDirectoryName(msi)!, $"{Path.GetFileNameWithoutExtension(msi)}-{id}.msi"),
        (msi, id, output) =>
        {
            var codes = MsiStamper.Stamp(msi.Path, output, new Dictionary<string, string> { [PackageProperties.StampedPartnerId] = id });
            return $"stamped Partner ID {id}, PackageCode {Format(codes.PackageCode)}, ProductCode {Format(codes.ProductCode)}";
        },
        msi => $"Note: {msi} is signed, and this copy is not: stamping changes the package, so the signature would no longer match it and was left out. {PackageCommand.HowToSign("stamp")}");

    /// <summary>Windows Installer's GUID form: braces, upper case.</summary>
    private static string Format(Guid code) => code.ToString("B", System.Globalization.CultureInfo.InvariantCulture).ToUpperInvariant();
}
