// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using System.Globalization;
using System.Runtime.Versioning;
using PorSetup.Cli.Server;

namespace PorSetup.Cli.Commands;

/// <summary>
/// porsetup remove [--partner putback|keep|delete] [--log path]: uninstalls every product with PorSetup's UpgradeCode,
/// silently, with a verbose log, and exits with msiexec's exit code.
/// </summary>
public static class RemoveCommand
{
    public const string Name = "remove";

    public static Command Create()
    {
        var partner = new Option<string>("--partner")
        {
            Description = "What the uninstall does with the Partner value (UNINSTALLPARTNER): putback (the default) puts back the value from before PorSetup, or deletes it if there was none; keep leaves the current value; delete removes it.",
            DefaultValueFactory = _ => MsiexecUninstall.PartnerChoices[0],
        };
        partner.AcceptOnlyFromAmong(MsiexecUninstall.PartnerChoices);
        var log = new Option<FileInfo>("--log")
        {
            Description = @"msiexec's verbose log (/l*v). By default PorSetup-remove-<date>-<time>.log in the temporary folder (%TEMP%; C:\Windows\Temp for SYSTEM); the path is printed.",
        };
        var command = new Command(
            Name,
            "Windows only (porsetup.exe on the server, run elevated or as SYSTEM): uninstalls every PorSetup product found by PorSetup's UpgradeCode, with msiexec /x {ProductCode} /qn /norestart /l*v <log> UNINSTALLPARTNER=<choice>, and exits with msiexec's exit code (3010: removed, restart required).")
        {
            partner,
            log,
        };
        command.SetAction(parse => OperatingSystem.IsWindows()
            ? Remove(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(partner)!, parse.GetValue(log)?.FullName)
            : WindowsOnly.Refuse(parse.InvocationConfiguration.Error, Name));
        return command;
    }

    [SupportedOSPlatform("windows")]
    private static int Remove(TextWriter output, TextWriter error, string choice, string? log) => CommandFailures.Run(error, () =>
    {
        var language = CliLanguage.Current;
        var products = PorSetupProducts.Read(out _);
        if (products.Count == 0)
        {
            output.WriteLine(RemoveSentences.NothingInstalled(language));
            return ExitCodes.NoPorSetup;
        }

        log ??= Path.Combine(Path.GetTempPath(), $"PorSetup-remove-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.log");
        if (Path.GetDirectoryName(log) is { } folder && !Directory.Exists(folder))
        {
            error.WriteLine(RemoveSentences.NoLogFolder(folder, language));
            return ExitCodes.Usage;
        }

        output.WriteLine(RemoveSentences.Log(log, language));
        var result = ExitCodes.Success;
        for (var i = 0; i < products.Count; i++)
        {
            output.WriteLine(RemoveSentences.Removing(products[i], choice, language));
            var exitCode = MsiexecUninstall.Run(products[i].ProductCode, log, appendToLog: i > 0, choice);
            output.WriteLine(RemoveSentences.Returned(exitCode, language));

            // A restart asked for is passed on once every product is gone; any other failure stops here.
            if (exitCode is not (ExitCodes.Success or ExitCodes.MsiexecRestartRequired or ExitCodes.MsiexecRestarting))
            {
                return exitCode;
            }

            result = result == ExitCodes.Success ? exitCode : result;
        }

        output.WriteLine(RemoveSentences.PartnerNow(ServerRegistry.Read(ServerRegistry.MsoKey, ServerRegistry.PartnerValue), language));
        return result;
    });
}
