// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Cli.Signing;

namespace PorSetup.Cli.Commands;

/// <summary>
/// porsetup sign FILE --sign-with PFX: signs a file in place. Hidden: build.ps1 and Native/Proxy.targets sign the
/// worker, the proxy DLL, the MSI and porsetup.exe through it, so that the build and stamp/transform share one
/// signer (the certificate checks, the password kept off command lines, osslsigncode or signtool).
/// </summary>
public static class SignCommand
{
    public const string Name = "sign";

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to sign in place (a program, a DLL, an MSI or a transform)." };
        var signing = new SigningOptions(required: true);
        var command = new Command(Name, "Signs a file in place; it is left as it was when signing fails. Used by build.ps1 -SignWith.") { file };
        command.Hidden = true;
        signing.AddTo(command);
        command.SetAction(parse => CommandFailures.Run(parse.InvocationConfiguration.Error, () =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                throw new FileProblemException(Directory.Exists(path) ? $"{path} is a folder, not a file." : $"{path}: no such file.");
            }

            var certificate = SigningCertificate.Check(signing.Read(parse)!);
            CodeSigner.Sign(path, certificate);
            parse.InvocationConfiguration.Output.WriteLine($"Signed {path} (by {certificate.Subject}).");
            return ExitCodes.Success;
        }));
        return command;
    }
}
