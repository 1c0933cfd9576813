// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Cli.Commands;

namespace PorSetup.Cli;

/// <summary>The porsetup command line.</summary>
public static class PorSetupCommand
{
    public static RootCommand Create() => new(
        "porsetup: prepares PorSetup.msi, which records the Microsoft Partner of Record ID (PARTNERID) on Windows Server Essentials.")
    {
        CheckIdCommand.Create(),
        StampCommand.Create(),
        TransformCommand.Create(),
        InspectCommand.Create(),
    };
}
