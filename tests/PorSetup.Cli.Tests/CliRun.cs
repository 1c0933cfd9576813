// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;

namespace PorSetup.Cli.Tests;

/// <summary>One run of the porsetup command line, in process, with what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = PorSetupCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
