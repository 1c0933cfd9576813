// Copyright (c) PorSetup contributors. MIT licensed.

using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;

namespace PorSetup.Cli.Server;

/// <summary>
/// msiexec /x {ProductCode} /qn /norestart /l*v log UNINSTALLPARTNER=choice: one product's silent uninstall with a
/// verbose log, run with System32's msiexec and waited for; its exit code is the result.
/// </summary>
public static class MsiexecUninstall
{
    /// <summary>The UNINSTALLPARTNER values (installer/Package.wxs): put back the value before PorSetup, keep the current one, or delete it.</summary>
    public static readonly string[] PartnerChoices = ["putback", "keep", "delete"];

    /// <param name="appendToLog">True for the second product and later: /l*v+ adds to the log instead of replacing it.</param>
    [SupportedOSPlatform("windows")]
    public static int Run(string productCode, string log, bool appendToLog, string partnerChoice)
    {
        var start = new ProcessStartInfo(Path.Combine(Environment.SystemDirectory, "msiexec.exe")) { UseShellExecute = false };
        foreach (var argument in new[] { "/x", productCode, "/qn", "/norestart", appendToLog ? "/l*v+" : "/l*v", log, $"UNINSTALLPARTNER={partnerChoice}" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new ServerProblemException($"msiexec could not be started ({start.FileName}).");
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (Win32Exception problem)
        {
            throw new ServerProblemException($"msiexec could not be started ({start.FileName}): {problem.Message}");
        }
    }
}
