// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;

namespace PorSetup.Bench;

/// <summary>One run of a program with its output in a log file, timed.</summary>
internal sealed record LoggedCommand(int ExitCode, double Seconds, string Log)
{
    /// <summary>
    /// Runs the program through sh with its output on the log file rather than a pipe: what a build or a test run
    /// leaves running (a build node, a wineserver) would hold a pipe open for ever.
    /// </summary>
    public static LoggedCommand Run(string log, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string workingDirectory, TimeSpan timeout)
    {
        var withLog = new Dictionary<string, string?>(environment) { ["PORSETUP_BENCH_LOG"] = log };
        var watch = Stopwatch.StartNew();
        var result = Tool.Run("sh", ["-c", "exec \"$0\" \"$@\" >\"$PORSETUP_BENCH_LOG\" 2>&1 </dev/null", program, .. arguments], withLog, workingDirectory, timeout);
        return new LoggedCommand(result.ExitCode, watch.Elapsed.TotalSeconds, log);
    }

    /// <summary>The log's last lines that are not blank.</summary>
    public IEnumerable<string> LastLines(int count) =>
        File.Exists(this.Log) ? File.ReadLines(this.Log).Where(l => l.Trim().Length > 0).TakeLast(count) : [];
}
