// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;

namespace PorSetup.Cli.Commands;

/// <summary>porsetup check-id 1234567: the installer's rule, without installing anything.</summary>
public static class CheckIdCommand
{
    public const string Name = "check-id";

    public static Command Create()
    {
        var id = new Argument<string>("partner-id") { Description = "The ID to check." };
        var command = new Command(Name, "Checks a Partner ID with the rule the installer applies.") { id };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (!PartnerIdOption.TryNormalize(parse.GetValue(id), parse.InvocationConfiguration.Error, out var normalized))
            {
                return ExitCodes.InvalidPartnerId;
            }

            output.WriteLine(PartnerIdMessages.Accepted(PartnerId.Check(normalized), CliLanguage.Current));
            return ExitCodes.Success;
        });
        return command;
    }
}
