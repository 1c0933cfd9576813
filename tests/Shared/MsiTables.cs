// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Testing;

/// <summary>
/// The tests' one reader of MSI tables: msitools' msiinfo. It is kept beside PorSetup.Msi's own MsiDatabase on
/// purpose: PorSetup writes MSI files itself (porsetup stamp, transforms), and a test that read them back with the
/// same code that wrote them could not catch a fault the two share; msiinfo reads them as an independent reader.
/// MsiDatabase is read in the tests only where it is the subject (PorSetup.Msi.Tests) or where msiinfo shows
/// nothing (the string pool's code page).
/// </summary>
public static class MsiTables
{
    /// <summary>
    /// The rows of a table, each padded to the table's column count: msiinfo exports IDT (three header lines, the
    /// first naming the columns, then tab-separated rows) and leaves trailing empty fields out.
    /// </summary>
    public static IReadOnlyList<string[]> Read(string msiPath, string table)
    {
        // msiinfo export writes the streams of a table's binary columns to files below its working folder: a
        // temporary one.
        var folder = Directory.CreateTempSubdirectory("porsetup-msiinfo-");
        try
        {
            var export = Tool.Run("msiinfo", ["export", Path.GetFullPath(msiPath), table], workingDirectory: folder.FullName);
            if (export.ExitCode != 0)
            {
                throw new InvalidOperationException($"msiinfo export {msiPath} {table} failed with exit code {export.ExitCode}:\n{export.Output}");
            }

            var lines = export.StandardOutput.Split(["\r\n", "\n"], StringSplitOptions.None);
            var width = lines[0].Split('\t').Length;
            return lines.Skip(3)
                .Where(line => line.Length > 0)
                .Select(line => line.Split('\t'))
                .Select(row => row.Length >= width ? row : [.. row, .. Enumerable.Repeat(string.Empty, width - row.Length)])
                .ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static IReadOnlyDictionary<string, string> ReadProperties(string msiPath) =>
        Read(msiPath, "Property").ToDictionary(row => row[0], row => row[1], StringComparer.Ordinal);

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
