// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Testing;

/// <summary>Reads MSI tables with msitools' msiinfo, for tests (the build reads and writes through its MsitoolsDatabase).</summary>
public static class MsiTables
{
    /// <summary>The rows of a table; msiinfo exports IDT: three header lines, then tab-separated rows.</summary>
    public static IReadOnlyList<string[]> Read(string msiPath, string table) =>
        Tool.RunChecked("msiinfo", "export", msiPath, table)
            .Split(["\r\n", "\n"], StringSplitOptions.None)
            .Skip(3)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .ToList();

    public static IReadOnlyDictionary<string, string> ReadProperties(string msiPath) =>
        Read(msiPath, "Property").ToDictionary(row => row[0], row => row.Length > 1 ? row[1] : string.Empty, StringComparer.Ordinal);

    /// <summary>A sequence table (InstallExecuteSequence, InstallUISequence...): each action's sequence number.</summary>
    public static Dictionary<string, int> ReadSequence(string msiPath, string table) =>
        Read(msiPath, table).ToDictionary(row => row[0], row => int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The summary information as msiinfo suminfo prints it: "Label: value" lines.</summary>
    public static IReadOnlyDictionary<string, string> ReadSummary(string msiPath) =>
        Tool.RunChecked("msiinfo", "suminfo", msiPath)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].TrimEnd('\r'), StringComparer.Ordinal);
}
