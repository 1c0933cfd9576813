// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using System.CommandLine.Help;
using PorSetup.Cli.Commands;

namespace PorSetup.Cli;

/// <summary>The porsetup command line.</summary>
public static class PorSetupCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("porsetup: prepares PorSetup.msi, which records the Microsoft Partner of Record ID (PARTNERID) on Windows Server Essentials.")
        {
            CheckIdCommand.Create(),
            StampCommand.Create(),
            TransformCommand.Create(),
            InspectCommand.Create(),
            SignCommand.Create(),
            CheckSigningCommand.Create(),
            StatusCommand.Create(),
            RemoveCommand.Create(),
        };

        // Every command's --help ends with the exit codes that command returns.
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExitCodesHelpAction((HelpAction)help.Action!);
        return root;
    }
}
