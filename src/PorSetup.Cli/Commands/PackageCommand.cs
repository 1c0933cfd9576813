// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Cli.Signing;

namespace PorSetup.Cli.Commands;

/// <summary>
/// The shape stamp and transform share: an MSI, a Partner ID, an output file named after the ID by default
/// and never overwritten unless --force, optionally signed, and the same handling of bad IDs, file errors and
/// signing errors: every check is made before anything is written, and a failure leaves no file behind.
/// </summary>
internal static class PackageCommand
{
    /// <param name="defaultOutput">The output file for an MSI and a normalized ID, when --output is not given.</param>
    /// <param name="write">Writes the output from the MSI, the ID and the output path; returns what it wrote, for "Wrote file: ...".</param>
    /// <param name="unsignedNote">What to tell the user when the MSI is signed and the output is not, from the MSI's path.</param>
    public static Command Create(string name, string description, Func<string, string, string> defaultOutput, Func<InstallerFile, string, string, string> write, Func<string, string> unsignedNote)
    {
        var msi = new Argument<FileInfo>("msi") { Description = "PorSetup.msi, as built (it is not modified)." };
        var partnerId = PartnerIdOption.Create();
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The file to write. Default: next to the MSI, named after the ID." };
        var force = new Option<bool>("--force", "-f") { Description = "Replace the output file if it exists. Without it an existing file is never overwritten." };
        var signing = new SigningOptions(required: false);
        var command = new Command(name, description) { msi, partnerId, output, force };
        signing.AddTo(command);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!PartnerIdOption.TryNormalize(parse.GetValue(partnerId), error, out var id))
            {
                return ExitCodes.InvalidPartnerId;
            }

            return CommandFailures.Run(error, () =>
            {
                var input = InstallerFile.OpenPackage(parse.GetValue(msi)!.FullName);
                var defaultPath = defaultOutput(input.Path, id);
                var target = OutputFile.Check(parse.GetValue(output)?.FullName ?? defaultPath, input, parse.GetValue(force), Path.GetFileName(defaultPath));
                var inputs = signing.Read(parse);
                var certificate = inputs is null ? null : SigningCertificate.Check(inputs);
                var wrote = certificate is null ? Write(write, input, id, target) : WriteSigned(write, input, id, target, certificate, parse.GetValue(force));
                var console = parse.InvocationConfiguration.Output;
                console.WriteLine(certificate is null ? $"Wrote {target}: {wrote}." : $"Wrote {target}: {wrote}; signed by {certificate.Subject}.");
                if (certificate is null && input.IsSigned)
                {
                    console.WriteLine(unsignedNote(input.Path));
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>The sentence that tells how to sign the output: the same command with the signing options.</summary>
    public static string HowToSign(string command) =>
        $"To sign it, run the same {command} command with --sign-with <your code-signing .pfx> (its password in the environment variable {SigningInputs.PasswordVariable}), optionally --timestamp-url <timestamp server>, and --force to replace this file.";

    // Written beside the target under a temporary name, signed there, and moved in place only once signed: a
    // failure leaves neither an unsigned output nor a changed existing one.
    private static string WriteSigned(Func<InstallerFile, string, string, string> write, InstallerFile input, string id, string target, SigningCertificate certificate, bool force)
    {
        var staged = target + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            string wrote;
            try
            {
                wrote = Write(write, input, id, staged);
            }
            catch (FileProblemException problem)
            {
                throw new FileProblemException(problem.Message.Replace(staged, target, StringComparison.Ordinal), problem);
            }

            try
            {
                CodeSigner.Sign(staged, certificate);
            }
            catch (SigningProblemException problem)
            {
                throw new SigningProblemException(problem.Message.Replace(staged, target, StringComparison.Ordinal), problem);
            }

            try
            {
                // Without --force, a file that appeared at the target while signing ran is not replaced either.
                File.Move(staged, target, overwrite: force);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw OutputFile.WriteProblem(target, exception);
            }

            return wrote;
        }
        finally
        {
            File.Delete(staged);
        }
    }

    // The input was read and identified before: a problem with its content is the input's, any other the output's.
    private static string Write(Func<InstallerFile, string, string, string> write, InstallerFile input, string id, string target)
    {
        try
        {
            return input.Read(() => write(input, id, target));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw OutputFile.WriteProblem(target, exception);
        }
    }
}
