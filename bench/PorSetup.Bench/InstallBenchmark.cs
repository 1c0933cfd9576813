// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.Bench;

/// <summary>
/// Silent install and uninstall times of each kind in one throw-away prefix of the tests (WinePrefix), with its
/// wineserver kept running: one verified, untimed cycle per kind, then rounds that run every kind once each,
/// starting with a different kind each time, so that a change in the shared machine's load spreads over all kinds.
/// A failed or hung step is counted and reported, the machine put back, and the rounds go on.
/// </summary>
internal sealed partial class InstallBenchmark(WinePrefix prefix, IReadOnlyList<Kind> kinds, string partnerId, int runs, string logs)
{
    private readonly Dictionary<string, (Samples Install, Samples Uninstall, Samples Cycle)> times =
        kinds.ToDictionary(k => k.Name, _ => (new Samples(), new Samples(), new Samples()));

    private readonly Dictionary<string, List<string>> failures = kinds.ToDictionary(k => k.Name, _ => new List<string>());

    public void Run(ResultTable table)
    {
        prefix.KeepServerRunning();
        if (prefix.Registry.Partner is not null)
        {
            throw new InvalidOperationException("The fresh prefix already holds the Partner value.");
        }

        var notes = kinds.ToDictionary(k => k.Name, this.VerifiedCycle);
        for (var round = 0; round < runs; round++)
        {
            Progress.Say($"Round {round + 1}/{runs}");
            for (var j = 0; j < kinds.Count; j++)
            {
                this.TimedCycle(kinds[(round + j) % kinds.Count], round + 1);
            }
        }

        foreach (var kind in kinds)
        {
            var (install, uninstall, cycle) = this.times[kind.Name];
            var failed = this.failures[kind.Name];
            table.Add($"{kind.Label}: install", install, notes[kind.Name]);
            table.Add($"{kind.Label}: uninstall", uninstall);
            table.Add($"{kind.Label}: cycle", cycle, failed.Count == 0
                ? "install + uninstall"
                : $"FAILED in {failed.Count} of {runs} rounds (timings over the {cycle.Count} complete cycles): {failed[0]}{(failed.Count > 1 ? $" (+{failed.Count - 1} more, on the error stream)" : string.Empty)}");
            if (failed.Count > 0)
            {
                table.MarkFailed();
            }
        }

        this.Ratio(table, "PorSetup", "minimal", 1.5);
        this.Ratio(table, "PorSetup", "floor", 1.15);
        this.Ratio(table, "floor", "minimal", goal: null);
        this.Ratio(table, "minimal", "reg", goal: null);
    }

    /// <summary>
    /// The wall clock of the worker program started alone (it starts its runtime, finds no action and exits with
    /// 1603, 67 through wine), with <c>wine cmd /c exit 0</c> beside it for scale.
    /// </summary>
    public void MeasureWorkerStart(string worker, ResultTable table)
    {
        var (started, cmd) = (new Samples(), new Samples());
        for (var round = 0; round < runs; round++)
        {
            if (this.Timed([prefix.WindowsPath(worker)]) is { Result.ExitCode: 67 } w)
            {
                started.Add(w.Seconds);
            }

            if (this.Timed(["cmd", "/c", "exit", "0"]) is { Result.ExitCode: 0 } c)
            {
                cmd.Add(c.Seconds);
            }
        }

        if (started.Count == 0 || cmd.Count == 0)
        {
            table.AddFailure("Worker start (wine, no input)", $"runs of the worker that exited with 67: {started.Count} of {runs}; of cmd: {cmd.Count} of {runs}");
            return;
        }

        table.Add("Worker start (wine, no input)", started, $"wine <worker>, which starts the runtime, finds no action and exits; for scale, wine cmd /c exit 0: {ResultTable.Seconds(cmd.Median)}; worker {ResultTable.KiB(new FileInfo(worker).Length)}");
    }

    // One untimed cycle that proves the kind works: the value written once and removed, every DLL action it ran
    // ended in success (the /l*v log; only this cycle logs), and what a cycle leaves in the prefix's temporary folders.
    private string VerifiedCycle(Kind kind)
    {
        Progress.Say($"Warm-up and check: {kind.Name}");
        var leftBefore = prefix.CustomActionTemporaryFiles().Count;
        var log = Path.Combine(logs, $"{kind.Name}.install.log");
        Check(prefix.Wine(kind.IsMsi ? [.. kind.Install, "/l*v", prefix.WindowsPath(log)] : kind.Install), $"{kind.Name} install");
        if (prefix.Registry.Partner != partnerId)
        {
            throw new InvalidOperationException($"{kind.Name}: after the install, Partner is {prefix.Registry.Partner ?? "missing"}, not {partnerId}.");
        }

        var ran = kind.DllActions.Count == 0 ? new Dictionary<string, string>() : DllActionResults(log, kind.DllActions);
        if (kind.DllActions.Count > 0 && (ran.Count == 0 || ran.Any(a => a.Value != "1")))
        {
            throw new InvalidOperationException($"{kind.Name}: the install log {log} does not show its DLL actions ({string.Join(", ", kind.DllActions)}) ending in success: {string.Join(", ", ran.Select(a => $"{a.Key} returned {a.Value}"))}.");
        }

        Check(prefix.Wine(kind.Uninstall), $"{kind.Name} uninstall");
        if (prefix.Registry.Partner is not null)
        {
            throw new InvalidOperationException($"{kind.Name}: the value is still there after the uninstall.");
        }

        var what = ran.Count > 0 ? $"{string.Join(", ", ran.Keys)} ran and returned success" : kind.IsMsi ? "no custom action" : "no MSI";
        return $"value written once and removed; {what}; {prefix.CustomActionTemporaryFiles().Count - leftBefore} custom-action temporary file(s) left per cycle";
    }

    private void TimedCycle(Kind kind, int round)
    {
        var install = this.Timed(kind.Install);
        if (this.Failure(kind, install, $"install, round {round}"))
        {
            return;
        }

        var uninstall = this.Timed(kind.Uninstall);
        var (installs, uninstalls, cycles) = this.times[kind.Name];
        installs.Add(install.Seconds);
        if (this.Failure(kind, uninstall, $"uninstall, round {round}"))
        {
            return;
        }

        uninstalls.Add(uninstall.Seconds);
        cycles.Add(install.Seconds + uninstall.Seconds);
    }

    // A failed or hung step: counted, and the kind uninstalled (untimed) so that the next round starts without the value.
    private bool Failure(Kind kind, (ToolResult? Result, double Seconds, string? Hang) step, string when)
    {
        if (step.Hang is null && step.Result?.ExitCode == 0)
        {
            return false;
        }

        var text = step.Hang is not null ? $"{when} hung: {step.Hang.Split('\n')[0]}" : $"{when} exited with {step.Result!.ExitCode} (modulo 256 through wine): {step.Result.Output.Trim()}";
        this.failures[kind.Name].Add(text);
        Progress.Say($"{kind.Name}: {text}");
        this.Timed(kind.Uninstall);
        if (prefix.Registry.Partner is not null)
        {
            throw new InvalidOperationException($"{kind.Name}: the value is still there after a failed step and an uninstall.");
        }

        return true;
    }

    // The wall clock of one wine command (starting Wine's process included: part of what a user waits for). A command
    // that hung was run again by WinePrefix after ending every process of the prefix, its server included: it is a
    // failure here, and the server is started again for the next one.
    private (ToolResult? Result, double Seconds, string? Hang) Timed(string[] arguments)
    {
        var hungBefore = prefix.HungCommands;
        var watch = Stopwatch.StartNew();
        try
        {
            var result = prefix.Wine(arguments);
            watch.Stop();
            if (prefix.HungCommands == hungBefore)
            {
                return (result, watch.Elapsed.TotalSeconds, null);
            }

            prefix.KeepServerRunning();
            return (result, watch.Elapsed.TotalSeconds, "it hung once and was run again (see the error stream)");
        }
        catch (TimeoutException twice)
        {
            prefix.KeepServerRunning();
            return (null, watch.Elapsed.TotalSeconds, twice.Message);
        }
    }

    private void Ratio(ResultTable table, string a, string b, double? goal)
    {
        var (x, y) = (this.times[a], this.times[b]);
        var cycle = x.Cycle.Median / y.Cycle.Median;
        var row = $"Ratio {a} / {b} (cycle)";
        if (double.IsNaN(cycle))
        {
            table.Add(row, "n/a", "no complete cycle for one of the two");
            return;
        }

        var note = $"medians; install {ResultTable.Ratio(x.Install.Median / y.Install.Median)}, uninstall {ResultTable.Ratio(x.Uninstall.Median / y.Uninstall.Median)}";
        if (goal is { } limit)
        {
            note += string.Create(CultureInfo.InvariantCulture, $"; goal cycle <= {limit}x: {(cycle <= limit ? "MET" : "NOT MET")}");
        }

        table.Add(row, ResultTable.Ratio(cycle), note);
    }

    private static void Check(ToolResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} exited with {result.ExitCode} (modulo 256 through wine): {result.Output.Trim()}");
        }
    }

    // Each of the actions the log shows ending, with its return value (1 is success).
    private static Dictionary<string, string> DllActionResults(string log, IReadOnlyList<string> actions) =>
        ActionEnded().Matches(File.Exists(log) ? File.ReadAllText(log) : string.Empty)
            .Where(m => actions.Contains(m.Groups[1].Value))
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.Last().Groups[2].Value);

    [GeneratedRegex(@"Action ended [\d:]+: (\w+)\. Return value (\d+)\.")]
    private static partial Regex ActionEnded();
}
