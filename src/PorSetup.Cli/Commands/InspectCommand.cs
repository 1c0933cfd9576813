// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Msi;

namespace PorSetup.Cli.Commands;

/// <summary>porsetup inspect X.msi: what a package is and which Partner ID, if any, is stamped in it.</summary>
public static class InspectCommand
{
    private static readonly string[] Shown = ["ProductName", "ProductVersion", "Manufacturer", "ProductCode", "UpgradeCode", "ProductLanguage", PackageCommand.PartnerIdProperty];

    public static Command Create()
    {
        var msi = new Argument<FileInfo>("msi") { Description = "An MSI package." };
        var command = new Command("inspect", "Shows a package's identity and the PARTNERID stamped in it, if any.") { msi };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(msi)!;
            try
            {
                var properties = MsiProperties.Read(file.FullName);
                var summary = MsiProperties.ReadSummaryInformation(file.FullName);
                var output = parse.InvocationConfiguration.Output;
                foreach (var name in Shown)
                {
                    output.WriteLine($"{name}: {(properties.TryGetValue(name, out var value) ? value : "(not set)")}");
                }

                output.WriteLine($"PackageCode: {summary.GetString(SummaryPropertyId.RevisionNumber)}");
                return ExitCodes.Success;
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"{file.FullName}: {exception.Message}");
                return ExitCodes.FileError;
            }
        });
        return command;
    }
}
