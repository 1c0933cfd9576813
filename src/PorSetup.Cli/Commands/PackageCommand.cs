// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;

namespace PorSetup.Cli.Commands;

/// <summary>
/// The shape stamp and transform share: an MSI, a Partner ID, an output file named after the ID by default,
/// and the same handling of bad IDs and file errors.
/// </summary>
internal static class PackageCommand
{
    public const string PartnerIdProperty = "PARTNERID";

    /// <param name="defaultOutput">The output file for an MSI and a normalized ID, when --output is not given.</param>
    /// <param name="write">Writes the output; returns the line to print.</param>
    public static Command Create(string name, string description, Func<FileInfo, string, string> defaultOutput, Func<FileInfo, string, string, string> write)
    {
        var msi = new Argument<FileInfo>("msi") { Description = "PorSetup.msi, as built (it is not modified)." };
        var partnerId = PartnerIdArgument.CreateOption();
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The file to write. Default: next to the MSI, named after the ID." };
        var command = new Command(name, description) { msi, partnerId, output };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!PartnerIdArgument.TryNormalize(parse.GetValue(partnerId), error, out var id))
            {
                return ExitCodes.InvalidPartnerId;
            }

            var input = parse.GetValue(msi)!;
            var target = parse.GetValue(output)?.FullName ?? defaultOutput(input, id);
            if (!input.Exists)
            {
                error.WriteLine($"{input.FullName}: no such file.");
                return ExitCodes.FileError;
            }

            if (string.Equals(Path.GetFullPath(target), input.FullName, StringComparison.Ordinal))
            {
                error.WriteLine("The output must be a new file: the MSI itself is never changed.");
                return ExitCodes.Usage;
            }

            try
            {
                parse.InvocationConfiguration.Output.WriteLine(write(input, id, target));
                return ExitCodes.Success;
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                error.WriteLine($"{input.FullName}: {exception.Message}");
                return ExitCodes.FileError;
            }
        });
        return command;
    }
}
