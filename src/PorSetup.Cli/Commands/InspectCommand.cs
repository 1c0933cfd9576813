// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;

namespace PorSetup.Cli.Commands;

/// <summary>porsetup inspect X.msi or X.mst: what a package or transform is, and the Partner ID it carries or sets.</summary>
public static class InspectCommand
{
    public const string Name = "inspect";

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An MSI package (.msi) or a transform (.mst)." };
        var command = new Command(
            Name,
            "Shows the Partner ID a package carries (PARTNERID, and the stamped Partner ID of a stamped copy) and its identity, or what a transform sets, PARTNERID first.")
        {
            file,
        };
        command.SetAction(parse => CommandFailures.Run(parse.InvocationConfiguration.Error, () =>
        {
            var input = InstallerFile.Open(parse.GetValue(file)!.FullName);
            var lines = input.Kind switch
            {
                InstallerFileKind.Package => PackageReport.Lines(input),
                InstallerFileKind.Transform => TransformReport.Lines(input),
                _ => throw new FileProblemException($"{input.Path} is a patch (.msp): inspect reads MSI packages and transforms."),
            };
            foreach (var line in lines)
            {
                parse.InvocationConfiguration.Output.WriteLine(line);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
