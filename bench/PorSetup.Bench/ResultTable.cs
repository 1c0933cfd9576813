// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.Bench;

/// <summary>The benchmark's one table, printed as Markdown: a measure, its median (or value), min, max and a note.</summary>
internal sealed class ResultTable
{
    private static readonly string[] Titles = ["Measure", "Median / value", "Min", "Max", "Goal / note"];
    private readonly List<string[]> rows = [];

    /// <summary>True once a row says a step failed: the exit code is then 1.</summary>
    public bool Failed { get; private set; }

    public void Add(string measure, string value, string note = "") => this.rows.Add([measure, value, string.Empty, string.Empty, note]);

    public void Add(string measure, Samples samples, string note = "") =>
        this.rows.Add(samples.Count == 0
            ? [measure, "FAILED", string.Empty, string.Empty, note]
            : [measure, Seconds(samples.Median), Seconds(samples.Min), Seconds(samples.Max), note]);

    public void AddFailure(string measure, string note)
    {
        this.Add(measure, "FAILED", note);
        this.Failed = true;
    }

    public void MarkFailed() => this.Failed = true;

    public void Print(TextWriter output)
    {
        var widths = Enumerable.Range(0, Titles.Length).Select(c => this.rows.Select(r => r[c].Length).Append(Titles[c].Length).Max()).ToArray();
        output.WriteLine(Line(Titles, widths));
        output.WriteLine("|" + string.Join('|', widths.Select((w, c) => IsNumber(c) ? new string('-', w + 1) + ":" : new string('-', w + 2))) + "|");
        foreach (var row in this.rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    public static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} s");

    public static string KiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB");

    public static string Ratio(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}x");

    private static bool IsNumber(int column) => column is >= 1 and <= 3;

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((cell, c) => IsNumber(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))) + " |";
}
