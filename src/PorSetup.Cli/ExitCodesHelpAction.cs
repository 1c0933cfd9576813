// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PorSetup.Cli;

/// <summary>The standard help, followed by the exit codes of the command it is shown for.</summary>
internal sealed class ExitCodesHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var result = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(ExitCodes.Describe(ExitCodes.For(parseResult.CommandResult.Command.Name)));
        output.WriteLine();
        return result;
    }
}
