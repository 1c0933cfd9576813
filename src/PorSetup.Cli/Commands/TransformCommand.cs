// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Msi;

namespace PorSetup.Cli.Commands;

/// <summary>porsetup transform PorSetup.msi -p 1234567: a .mst for administrators who keep one MSI.</summary>
public static class TransformCommand
{
    public static Command Create() => PackageCommand.Create(
        "transform",
        "Writes a transform (.mst) that gives the Partner ID (TransformPartnerId), to apply with msiexec TRANSFORMS= or in a Group Policy deployment's Modifications tab. The package uses it when it is new on the server: a first install, or the replacement of another PorSetup package; a PARTNERID on the command line wins. An existing file is not replaced without --force. --sign-with signs the transform (a file of its own, unsigned otherwise).",
        (msi, id) => Path.Combine(Path.GetDirectoryName(msi)!, $"PartnerId-{id}.mst"),
        (msi, id, output) =>
        {
            MsiTransformWriter.WriteTransform(msi.Path, output, new Dictionary<string, string> { [PackageProperties.TransformPartnerId] = id });
            return $"sets {PackageProperties.TransformPartnerId}={id}";
        },
        msi => $"Note: {msi} is signed, and the transform is not: a .mst is a file of its own, and AppLocker's Windows Installer rules (.msi, .msp, .mst) judge its signature apart from the MSI's. {PackageCommand.HowToSign("transform")}");
}
