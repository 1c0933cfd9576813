// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build;

/// <summary>
/// The <c>_Validation</c> table, which wixl does not write and WiX does (GenerateDatabaseCommand.AddValidationRows:
/// a row for each column of each table in the database, _Validation's own included). Without it Microsoft's
/// ICE03 cannot check data types and foreign keys, on Windows either. The rows, in _Validation.idt beside this
/// file, hold the Nullable, MinValue, MaxValue, KeyTable, KeyColumn, Category, Set and Description of WiX's table
/// definitions (WixToolset.Data's WindowsInstallerTableDefinitions, tag v6.0.2) for the tables wixl writes;
/// a table without rows there stops the build, so a new one is added on purpose. The translation has nothing to
/// do; the fix-up imports the rows after the other fix-ups, which may add no table.
/// </summary>
public static class ValidationTable
{
    public const string Name = "_Validation";

    /// <summary>The header of an IDT file of _Validation: column names, column types, table name and key.</summary>
    private static readonly string[] Header =
    [
        "Table\tColumn\tNullable\tMinValue\tMaxValue\tKeyTable\tKeyColumn\tCategory\tSet\tDescription",
        "s32\ts32\ts4\tI4\tI4\tS255\tI2\tS32\tS255\tS255",
        "_Validation\tTable\tColumn",
    ];

    /// <summary>WiX's rows, each of ten fields in _Validation's column order.</summary>
    public static IReadOnlyList<string[]> Rows { get; } = ReadRows();

    /// <summary>Adds the rows of every table the MSI holds, and of _Validation itself.</summary>
    public static void AddTo(MsitoolsDatabase database)
    {
        var tables = database.Rows("_Columns").Select(row => row[0]).Append(Name).ToHashSet(StringComparer.Ordinal);
        var described = Rows.Select(row => row[0]).ToHashSet(StringComparer.Ordinal);
        var undescribed = tables.Where(t => !described.Contains(t)).Order(StringComparer.Ordinal).ToList();
        if (undescribed.Count > 0)
        {
            throw new InvalidDataException($"No _Validation rows for table(s) {string.Join(", ", undescribed)}: add them to src/PorSetup.Build/_Validation.idt from WiX's table definitions.");
        }

        var lines = Header.Concat(Rows.Where(row => tables.Contains(row[0])).Select(row => string.Join('\t', row)));
        database.Import(Name, string.Concat(lines.Select(line => line + "\n")));
    }

    private static List<string[]> ReadRows()
    {
        using var stream = typeof(ValidationTable).Assembly.GetManifestResourceStream(Name + ".idt")!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
        if (!lines.Take(Header.Length).SequenceEqual(Header, StringComparer.Ordinal))
        {
            throw new InvalidDataException("_Validation.idt does not start with _Validation's header.");
        }

        return lines.Skip(Header.Length).Select(line => line.Split('\t')).ToList();
    }
}
