// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.Build;

/// <summary>
/// The one way the build reads and writes the MSI that wixl made: msitools, msiinfo to read (IDT export, summary)
/// and msibuild to write (SQL, IDT import, summary). Every SQL statement is made here, from column names and values,
/// so a value that SQL cannot carry is refused in one place instead of garbling a statement.
/// </summary>
public sealed class MsitoolsDatabase(string path)
{
    public string Path { get; } = path;

    /// <summary>The rows of a table; msiinfo exports IDT: three header lines, then tab-separated rows.</summary>
    public IReadOnlyList<string[]> Rows(string table) =>
        Msitools.Run("msiinfo", "export", this.Path, table)
            .Split(["\r\n", "\n"], StringSplitOptions.None)
            .Skip(3)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .ToList();

    public IReadOnlyDictionary<string, string> Properties() =>
        this.Rows("Property").ToDictionary(row => row[0], row => row.Length > 1 ? row[1] : string.Empty, StringComparer.Ordinal);

    /// <summary>The summary information as msiinfo suminfo prints it: "Label: value" lines.</summary>
    public IReadOnlyDictionary<string, string> Summary() =>
        Msitools.Run("msiinfo", "suminfo", this.Path)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].TrimEnd('\r'), StringComparer.Ordinal);

    /// <summary>Sets columns of the rows whose <paramref name="keyColumn"/> is <paramref name="key"/>.</summary>
    public void Update(string table, string keyColumn, string key, params (string Column, object Value)[] values) =>
        this.Query($"UPDATE `{table}` SET {string.Join(", ", values.Select(v => $"`{v.Column}` = {Literal(v.Value)}"))} WHERE `{keyColumn}` = {Literal(key)}");

    public void Insert(string table, params (string Column, object Value)[] values) =>
        this.Query($"INSERT INTO `{table}` ({string.Join(", ", values.Select(v => $"`{v.Column}`"))}) VALUES ({string.Join(", ", values.Select(v => Literal(v.Value)))})");

    public void Delete(string table, string keyColumn, string key) =>
        this.Query($"DELETE FROM `{table}` WHERE `{keyColumn}` = {Literal(key)}");

    /// <summary>Imports an IDT file's text; msibuild -i takes the table name from the file's name and third line.</summary>
    public void Import(string table, string idt)
    {
        var folder = Directory.CreateTempSubdirectory("porsetup-idt-");
        try
        {
            var file = System.IO.Path.Combine(folder.FullName, table + ".idt");
            File.WriteAllText(file, idt);
            Msitools.Run("msibuild", this.Path, "-i", file);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>msibuild -s writes subject, author, template and package code together.</summary>
    public void SetSummary(string subject, string author, string template, string packageCode) =>
        Msitools.Run("msibuild", this.Path, "-s", subject, author, template, packageCode);

    /// <summary>A value as an SQL literal; msibuild's SQL has no escape for a single quote in a string.</summary>
    public static string Literal(object value) => value switch
    {
        int number => number.ToString(CultureInfo.InvariantCulture),
        string text when text.Contains('\'', StringComparison.Ordinal) =>
            throw new NotSupportedException($"msibuild's SQL cannot take a value with a single quote: {text}"),
        string text => $"'{text}'",
        _ => throw new ArgumentException($"A column value is a string or an int, not {value.GetType().Name}.", nameof(value)),
    };

    private void Query(string sql) => Msitools.Run("msibuild", this.Path, "-q", sql);
}
