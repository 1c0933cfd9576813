// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using System.Runtime.Versioning;
using PorSetup.Cli.Server;

namespace PorSetup.Cli.Commands;

/// <summary>porsetup status [--json]: the server's Partner value, its PorSetup products, and a one-line verdict with its exit code.</summary>
public static class StatusCommand
{
    public const string Name = "status";

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Writes the report as JSON (for RMM agents), with the verdict's name and exit code." };
        var command = new Command(
            Name,
            "Windows only (porsetup.exe on the server): shows the Partner value and its type, the installed PorSetup products (version, ProductCode, package file name, transforms, Group Policy), the ID PorSetup installed, what the last uninstall puts back, and a verdict: ok, no-porsetup, value-missing, value-differs, wrong-type or invalid-id, each with its exit code.")
        {
            json,
        };
        command.SetAction(parse => OperatingSystem.IsWindows()
            ? Report(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(json))
            : WindowsOnly.Refuse(parse.InvocationConfiguration.Error, Name));
        return command;
    }

    [SupportedOSPlatform("windows")]
    private static int Report(TextWriter output, TextWriter error, bool json) => CommandFailures.Run(error, () =>
    {
        var state = ServerState.Read();
        var verdict = StatusVerdicts.Judge(state);
        if (json)
        {
            output.WriteLine(StatusDocument.Of(state, verdict, CliLanguage.Current).ToJson());
        }
        else
        {
            foreach (var line in StatusSentences.Lines(state, verdict, CliLanguage.Current))
            {
                output.WriteLine(line);
            }
        }

        return verdict.ExitCode();
    });
}
