// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;

namespace PorSetup.Cli.Commands;

/// <summary>
/// The shape stamp and transform share: an MSI, a Partner ID, an output file named after the ID by default
/// and never overwritten unless --force, and the same handling of bad IDs and file errors.
/// </summary>
internal static class PackageCommand
{
    /// <param name="defaultOutput">The output file for an MSI and a normalized ID, when --output is not given.</param>
    /// <param name="write">Writes the output from the MSI, the ID and the output path; returns the line to print.</param>
    public static Command Create(string name, string description, Func<string, string, string> defaultOutput, Func<InstallerFile, string, string, string> write)
    {
        var msi = new Argument<FileInfo>("msi") { Description = "PorSetup.msi, as built (it is not modified)." };
        var partnerId = PartnerIdArgument.CreateOption();
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The file to write. Default: next to the MSI, named after the ID." };
        var force = new Option<bool>("--force", "-f") { Description = "Replace the output file if it exists. Without it an existing file is never overwritten." };
        var command = new Command(name, description) { msi, partnerId, output, force };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!PartnerIdArgument.TryNormalize(parse.GetValue(partnerId), error, out var id))
            {
                return ExitCodes.InvalidPartnerId;
            }

            try
            {
                var input = InstallerFile.OpenPackage(parse.GetValue(msi)!.FullName);
                var defaultPath = defaultOutput(input.Path, id);
                var target = OutputFile.Check(parse.GetValue(output)?.FullName ?? defaultPath, input, parse.GetValue(force), Path.GetFileName(defaultPath));
                parse.InvocationConfiguration.Output.WriteLine(Write(write, input, id, target));
                return ExitCodes.Success;
            }
            catch (FileProblemException problem)
            {
                error.WriteLine(problem.Message);
                return problem.ExitCode;
            }
        });
        return command;
    }

    // The input was read and identified before: a problem with its content is the input's, any other the output's.
    private static string Write(Func<InstallerFile, string, string, string> write, InstallerFile input, string id, string target)
    {
        try
        {
            return write(input, id, target);
        }
        catch (InvalidDataException exception)
        {
            throw input.Unreadable(exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw OutputFile.WriteProblem(target, exception);
        }
    }
}
