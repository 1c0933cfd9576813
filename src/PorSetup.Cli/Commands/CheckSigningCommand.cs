// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Cli.Signing;

namespace PorSetup.Cli.Commands;

/// <summary>
/// porsetup check-signing --sign-with PFX: checks a certificate as <see cref="SignCommand"/> would, and signs nothing.
/// Hidden: build.ps1 -SignWith asks it before it builds or writes anything, so that the build and porsetup refuse a
/// certificate with one piece of code (<see cref="SigningCertificate"/>) and the same words.
/// </summary>
public static class CheckSigningCommand
{
    public const string Name = "check-signing";

    public static Command Create()
    {
        var signing = new SigningOptions(required: true);
        var command = new Command(Name, "Checks the certificate --sign-with names (password, private key, Code Signing usage, validity), as sign does, and signs nothing. Used by build.ps1 -SignWith.")
        {
            Hidden = true,
        };
        signing.AddTo(command);
        command.SetAction(parse => CommandFailures.Run(parse.InvocationConfiguration.Error, () =>
        {
            var inputs = signing.Read(parse)!;
            var certificate = SigningCertificate.Check(inputs);
            parse.InvocationConfiguration.Output.WriteLine($"Signing with {inputs.PfxPath} ({certificate.Subject})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
