// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Text.RegularExpressions;

namespace PorSetup.Bench;

/// <summary>
/// The clean build: git clone of the repository's HEAD, then <c>dotnet tool restore</c> and <c>build.ps1</c> in the
/// clone, timed; with <c>--with-tests</c>, then <c>build.ps1 -Test</c> there. Cold: no MSBuild node reuse, no build
/// server, no shared compiler, so it neither borrows what other sessions left running nor leaves anything behind.
/// The NuGet cache stays: a clean checkout, not a clean machine.
/// </summary>
internal static partial class CleanBuild
{
    public const string Row = "Clean build (git clone + build.ps1)";
    public const string TestsRow = "Test suite (build.ps1 -Test in the clone)";

    private static readonly Dictionary<string, string?> Cold = new()
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["NO_COLOR"] = "1",
        ["TERM"] = "dumb",
    };

    /// <summary>Adds the rows; returns the clone's artifacts folder, or null when a step failed.</summary>
    public static string? Measure(string repository, string work, bool withTests, ResultTable table)
    {
        var clone = Path.Combine(work, "clone");
        (string Name, string Program, string[] Arguments, string Folder)[] steps =
        [
            ("git clone", "git", ["clone", "--quiet", repository, clone], work),
            ("tool restore", "dotnet", ["tool", "restore"], clone),
            ("build.ps1", "dotnet", ["pwsh", "-NoProfile", "./build.ps1"], clone),
        ];
        var seconds = new List<double>();
        foreach (var (name, program, arguments, folder) in steps)
        {
            Progress.Say($"Clean build: {name}");
            var run = LoggedCommand.Run(Path.Combine(work, $"clean-{seconds.Count}.log"), program, arguments, Cold, folder, TimeSpan.FromHours(1));
            if (run.ExitCode != 0)
            {
                Progress.Say($"{name} failed; the end of its output:\n{string.Join('\n', run.LastLines(30))}");
                table.AddFailure(Row, $"{name} exited with {run.ExitCode}: {run.LastLines(1).FirstOrDefault()}");
                return null;
            }

            seconds.Add(run.Seconds);
        }

        var msi = new FileInfo(Path.Combine(clone, "artifacts", "PorSetup.msi"));
        var head = Tool.RunChecked("git", "-C", clone, "rev-parse", "--short", "HEAD").Trim();
        table.Add(Row, ResultTable.Seconds(seconds.Sum()), string.Create(
            CultureInfo.InvariantCulture,
            $"clone {seconds[0]:0.0} s, tool restore {seconds[1]:0.0} s, build.ps1 {seconds[2]:0.0} s; HEAD {head}; its MSI {(msi.Exists ? ResultTable.KiB(msi.Length) : "missing")}"));
        if (withTests)
        {
            MeasureTests(clone, work, table);
        }

        return msi.Exists ? msi.DirectoryName : null;
    }

    // build.ps1's exit code is not trusted alone: its "Tests:" line (counted from the TRX files) must say 0 failed.
    private static void MeasureTests(string clone, string work, ResultTable table)
    {
        Progress.Say("Test suite: build.ps1 -Test (in the clone)");
        var run = LoggedCommand.Run(Path.Combine(work, "clean-tests.log"), "dotnet", ["pwsh", "-NoProfile", "./build.ps1", "-Test"], Cold, clone, TimeSpan.FromHours(2));
        LeftoverProcesses.Stop(work);
        var summary = File.ReadLines(run.Log).LastOrDefault(l => TestsLine().IsMatch(l))?.Trim() ?? "no \"Tests:\" line in the output";
        if (run.ExitCode == 0 && summary.Contains(" passed, 0 failed", StringComparison.Ordinal))
        {
            table.Add(TestsRow, ResultTable.Seconds(run.Seconds), $"incremental build + all tests; {summary}");
            return;
        }

        Progress.Say($"build.ps1 -Test failed (exit code {run.ExitCode}); the end of its output:\n{string.Join('\n', run.LastLines(30))}");
        table.AddFailure(TestsRow, $"{summary}; build.ps1 -Test exited with {run.ExitCode}");
    }

    [GeneratedRegex(@"^Tests: \d+ passed")]
    private static partial Regex TestsLine();
}
