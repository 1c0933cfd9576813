// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Text.RegularExpressions;

namespace PorSetup.Build.Tests;

/// <summary>
/// The Linux MSI's _Validation table (ValidationTable) describes every column of every table as its _Columns
/// definition is, and the data of every table passes the checks ICE03 makes with it (nullability, ranges, sets,
/// foreign keys, the syntax of identifiers, GUIDs and languages), which Windows' validation would otherwise be the
/// first to make.
/// </summary>
public sealed partial class ValidationTableTests(BuiltPackage package) : IClassFixture<BuiltPackage>
{
    // _Columns.Type bits (MSI SDK, msidbColumnDef): the low byte is the width.
    private const int Nullable = 0x1000;
    private const int PrimaryKey = 0x2000;
    private const int KindMask = 0x0C00;
    private const int StringKind = 0x0C00;
    private const int ObjectKind = 0x0800;
    private const int ShortKind = 0x0400;

    [MsitoolsFact]
    public void EveryColumnOfEveryTable_HasAValidationRowMatchingItsTypeNullabilityAndKey()
    {
        var columns = package.Columns;
        var validation = package.Validation;

        Assert.Contains(columns, c => c.Table == ValidationTable.Name);
        Assert.Contains(columns, c => c.Table == "Registry");
        Assert.Equal(columns.Select(c => (c.Table, c.Name)).Order(), validation.Keys.Order());
        Assert.All(columns, column =>
        {
            var row = validation[(column.Table, column.Name)];
            var where = $"{column.Table}.{column.Name} (type {column.Type}): {string.Join('|', row)}";
            Assert.True(row[2] == ((column.Type & Nullable) != 0 ? "Y" : "N"), $"Nullable: {where}");
            switch (column.Type & KindMask)
            {
                case StringKind:
                    Assert.True(row[3].Length == 0 && row[4].Length == 0, $"no range for a string: {where}");
                    Assert.True(row[7] is not ("Integer" or "DoubleInteger" or "TimeDate" or "Binary"), $"a string's category: {where}");
                    break;
                case ObjectKind:
                    Assert.True(row[7] == "Binary", $"a stream's category is Binary: {where}");
                    break;
                default:
                    var limit = (column.Type & KindMask) == ShortKind ? short.MaxValue : int.MaxValue;
                    Assert.True(row[7] is "" or "Integer" or "DoubleInteger" or "TimeDate", $"an integer's category: {where}");
                    var (min, max) = (Number(row[3]) ?? -limit, Number(row[4]) ?? limit);
                    Assert.True(-limit <= min && min <= max && max <= limit, $"range: {where}");
                    break;
            }

            Assert.True(row[5].Length == 0 == (row[6].Length == 0), $"KeyTable and KeyColumn go together: {where}");
            foreach (var keyTable in row[5].Split(';', StringSplitOptions.RemoveEmptyEntries).Where(t => columns.Any(c => c.Table == t)))
            {
                var target = columns.SingleOrDefault(c => c.Table == keyTable && c.Number == Number(row[6]));
                Assert.True(target is not null && (target.Type & PrimaryKey) != 0, $"KeyColumn {row[6]} of {keyTable} is a key column: {where}");
                Assert.True((target.Type & KindMask) == (column.Type & KindMask), $"same kind as {keyTable}.{target.Name}: {where}");
            }
        });
    }

    // What ICE03 checks with _Validation, row by row: a value where the column may not be null, an integer within
    // MinValue and MaxValue, a value of Set, and a foreign key found in one of its KeyTables.
    [MsitoolsFact]
    public void EveryValueOfEveryTable_PassesTheValidationRows()
    {
        var problems = new List<string>();
        foreach (var table in package.Columns.Where(c => (c.Type & KindMask) != ObjectKind).GroupBy(c => c.Table))
        {
            foreach (var data in package.Rows(table.Key))
            {
                foreach (var column in table)
                {
                    var value = data[column.Number - 1];
                    var row = package.Validation[(column.Table, column.Name)];
                    var where = $"{column.Table}.{column.Name} = '{value}' in row {string.Join('|', data)}";
                    if (value.Length == 0)
                    {
                        if (row[2] == "N")
                        {
                            problems.Add($"null where not nullable: {where}");
                        }

                        continue;
                    }

                    if ((column.Type & KindMask) != StringKind && (Number(value) < Number(row[3]) || Number(value) > Number(row[4])))
                    {
                        problems.Add($"out of [{row[3]}, {row[4]}]: {where}");
                    }

                    if (row[8].Length > 0 && !row[8].Split(';').Contains(value, StringComparer.Ordinal))
                    {
                        problems.Add($"not in the set {row[8]}: {where}");
                    }

                    // _Validation.KeyTable holds lists of tables (File;Registry;ODBCDataSource), in a column WiX says is an Identifier.
                    if (CategoryPattern(row[7]) is { } pattern && !pattern.IsMatch(value) && (column.Table, column.Name) != (ValidationTable.Name, "KeyTable"))
                    {
                        problems.Add($"not of category {row[7]}: {where}");
                    }

                    var keyTables = row[5].Split(';', StringSplitOptions.RemoveEmptyEntries);
                    if (keyTables.Length > 0 && !keyTables.Any(t => package.Columns.Any(c => c.Table == t) && package.Rows(t).Any(r => r[int.Parse(row[6], CultureInfo.InvariantCulture) - 1] == value)))
                    {
                        problems.Add($"not found in {row[5]}: {where}");
                    }
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void TheRows_AreWixsForEveryTableWixlWrites()
    {
        // Spot checks against WiX 6.0.2's WindowsInstallerTableDefinitions.
        var rows = ValidationTable.Rows.ToDictionary(r => (r[0], r[1]));

        Assert.Equal(["Registry", "Root", "N", "-1", "3", "", "", "", "", "The predefined root key for the registry value, one of rrkEnum."], rows[("Registry", "Root")]);
        Assert.Equal(["Component", "KeyPath", "Y", "", "", "File;Registry;ODBCDataSource", "1", "Identifier", "", "Either the primary key into the File table, Registry table, or ODBCDataSource table. This extract path is stored when the component is installed, and is used to detect the presence of the component and to return the path to it."], rows[("Component", "KeyPath")]);
        Assert.Equal(["_Validation", "Nullable", "N", "", "", "", "", "", "Y;N", "Whether the column is nullable"], rows[("_Validation", "Nullable")]);
        Assert.All(ValidationTable.Rows, r => Assert.Equal(10, r.Length));
    }

    // The string categories whose syntax ICE03 checks and this package uses, as the MSI SDK's Column Data Types
    // define them; the others (Text, Formatted, Condition, RegPath...) take free text here.
    private static Regex? CategoryPattern(string category) => category switch
    {
        "Identifier" or "CustomSource" => IdentifierPattern(),
        "Guid" => GuidPattern(),
        "UpperCase" => UpperCasePattern(),
        "Language" => LanguagePattern(),
        _ => null,
    };

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"^[^a-z]*$")]
    private static partial Regex UpperCasePattern();

    [GeneratedRegex(@"^[0-9]+(,[0-9]+)*$")]
    private static partial Regex LanguagePattern();

    private static long? Number(string text) => text.Length == 0 ? null : long.Parse(text, CultureInfo.InvariantCulture);
}
