// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs msiexec on one package on a test machine (Wine's, or this Windows'), silently and with a verbose log, and
/// checks the real exit code. With PORSETUP_MSIEXEC_LOGS set, each log is also copied into that folder.
/// Reads like WiX's own end-to-end tests: <c>product.InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567")</c>.
/// </summary>
public sealed class PackageInstaller(TestMachine machine, string msiPath)
{
    // cmd.exe's exit code when it could not start a program.
    private const int CommandNotStarted = 9009;

    // The proxy's log line when Wine could not start the worker (an internal error of Wine's, seen under load).
    private const string WineWorkerNotStarted = "CreateProcessW failed with Win32 error 1359";

    private static int logsKept;

    private int runs;

    /// <summary>The package, or a ProductCode ({...}) for msiexec /x {ProductCode} and the like.</summary>
    public string MsiPath { get; } = msiPath;

    /// <summary>Environment variables set for msiexec (and so for its custom-action processes), such as TEMP.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.OrdinalIgnoreCase);

    public MsiExecResult InstallProduct(MsiExecReturnCode expected, params string[] properties) =>
        this.Run("/i", expected, properties);

    public MsiExecResult UninstallProduct(MsiExecReturnCode expected, params string[] properties) =>
        this.Run("/x", expected, properties);

    /// <summary>
    /// A repair: msiexec /fvomus on Windows. Wine's /f fails with 1605 ("Product code treatment not implemented"),
    /// so under Wine it is what /fvomus sets, REINSTALL=ALL REINSTALLMODE=vomus, passed to /i.
    /// </summary>
    public MsiExecResult RepairProduct(MsiExecReturnCode expected, params string[] properties)
    {
        if (machine.IsWine)
        {
            return this.Run("/i", expected, ["REINSTALL=ALL", "REINSTALLMODE=vomus", .. properties]);
        }

        WineRehearsal.SkipWhereWineDiffers("Wine's msiexec /f (repair) is broken: it returns 1605, 'Product code treatment not implemented'");
        return this.Run("/fvomus", expected, properties);
    }

    /// <summary>Runs msiexec with an action switch (/i, /x, /fvomus) and properties given as NAME=value.</summary>
    public MsiExecResult Run(string action, MsiExecReturnCode expected, params string[] properties)
    {
        var result = this.Run(action, properties);
        Assert.True(
            result.ExitCode == (int)expected,
            $"msiexec {action} {string.Join(' ', properties)} returned {result.ExitCode}, expected {(int)expected} ({expected}). Log:\n{Tail(result.Log)}");
        return result;
    }

    public MsiExecResult Run(string action, params string[] properties)
    {
        if (WineRehearsal.IsOn && action == "/x" && !this.MsiPath.StartsWith('{') && !machine.IsInstalled(this.MsiPath))
        {
            WineRehearsal.SkipWhereWineDiffers("msiexec /x of a package that is not installed runs its uninstall and returns 0 under Wine; Windows returns 1605");
        }

        var log = Path.Combine(machine.Root, "tmp", $"msiexec-{++this.runs}.log");
        var variables = new Dictionary<string, string>();
        var target = this.MsiPath.StartsWith('{') ? this.MsiPath : $"\"{machine.WindowsPath(this.MsiPath)}\"";
        var commandLine = new List<string> { "msiexec", action, target, "/qn", "/l*v", $"\"{machine.WindowsPath(log)}\"" };
        foreach (var property in properties)
        {
            // NAME=value becomes NAME="%PORSETUP_ARGn%": the value reaches msiexec exactly as given.
            var equals = property.IndexOf('=', StringComparison.Ordinal);
            var variable = $"PORSETUP_ARG{variables.Count}";
            variables[variable] = property[(equals + 1)..];
            commandLine.Add($"{property[..equals]}=\"%{variable}%\"");
        }

        // SET "NAME=%PORSETUP_ENVn%" before msiexec: a Windows value, set as Windows programs see it.
        var prelude = new List<string>();
        foreach (var (name, value) in this.Environment)
        {
            var variable = $"PORSETUP_ENV{prelude.Count}";
            variables[variable] = value;
            prelude.Add($"set \"{name}=%{variable}%\"");
        }

        prelude.Add(string.Join(' ', commandLine));
        var script = string.Join("\n", prelude);
        for (var attempt = 1; ; attempt++)
        {
            int exitCode;
            try
            {
                (exitCode, _) = machine.RunBatch(script, variables);
            }
            catch (TimeoutException hung)
            {
                throw new TimeoutException($"{hung.Message}\nThe end of msiexec's log:\n{(File.Exists(log) ? Tail(File.ReadAllText(log)) : "(no log)")}", hung);
            }

            // Now and then, under load, Wine's cmd.exe fails to start msiexec at all: exit code 9009 ("not
            // recognized") and no log. msiexec never ran, so nothing of the package is being tested: start it again.
            if (exitCode == CommandNotStarted && !File.Exists(log) && attempt < 3)
            {
                continue;
            }

            // Under load, Wine's CreateProcessW now and then fails with ERROR_INTERNAL_ERROR (1359) when the custom
            // action starts its worker: the check fails the install before anything changed. A Wine fault, not the
            // package's: under Wine only, msiexec runs again, saying so (docs/wine-and-windows.md). On Windows 1359
            // is a failure like any other.
            if (machine.IsWine && exitCode == (int)MsiExecReturnCode.ERROR_INSTALL_FAILURE && attempt < 3 && File.Exists(log)
                && File.ReadAllText(log).Contains(WineWorkerNotStarted, StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"PorSetup tests: under Wine, {WineWorkerNotStarted}; msiexec {action} is run again.");
                continue;
            }

            Keep(log, action);
            return new MsiExecResult(exitCode, File.Exists(log) ? File.ReadAllText(log) : string.Empty);
        }
    }

    // CI uploads the logs of the local machine's installs from PORSETUP_MSIEXEC_LOGS; a test's own folder goes with it.
    private void Keep(string log, string action)
    {
        if (System.Environment.GetEnvironmentVariable("PORSETUP_MSIEXEC_LOGS") is not { Length: > 0 } folder || !File.Exists(log))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var package = Path.GetFileNameWithoutExtension(this.MsiPath.Trim('{', '}'));
        File.Copy(log, Path.Combine(folder, $"{Interlocked.Increment(ref logsKept):D5}-{package}-{action.TrimStart('/')}.log"), overwrite: true);
    }

    private static string Tail(string log) => log.Length <= 6000 ? log : log[^6000..];
}
