// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>The Property table (Property s72 key, Value l0) and the checks shared by stamping and transforms.</summary>
internal static class PropertyTable
{
    public const string Name = "Property";
    public const int MaxNameLength = 72;

    /// <summary>Fails unless the table has the standard two string columns, keyed on the first.</summary>
    public static IReadOnlyList<MsiColumn> CheckLayout(MsiDatabase database)
    {
        if (!database.HasTable(Name))
        {
            throw new InvalidDataException("The database has no Property table.");
        }

        var columns = database.GetColumns(Name);
        if (columns.Count != 2 || !columns[0].IsString || !columns[0].IsKey || !columns[1].IsString || columns[1].IsKey
            || columns[0].IsBinary || columns[1].IsBinary)
        {
            throw new InvalidDataException("The Property table does not have the standard (Property, Value) string columns.");
        }

        return columns;
    }

    /// <summary>Property names are identifiers (letter or underscore, then letters, digits, underscores, periods); values are not empty.</summary>
    public static void CheckProperties(IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (properties.Count == 0)
        {
            throw new ArgumentException("At least one property is needed.", nameof(properties));
        }

        foreach (var (name, value) in properties)
        {
            var valid = name.Length is > 0 and <= MaxNameLength
                && (char.IsAsciiLetter(name[0]) || name[0] == '_')
                && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');
            if (!valid)
            {
                throw new ArgumentException($"'{name}' is not a valid property name.", nameof(properties));
            }

            if (string.IsNullOrEmpty(value))
            {
                // The Value column is not nullable: an empty value cannot be stored, only left out.
                throw new ArgumentException($"Property '{name}' needs a value; the Property table cannot hold an empty one.", nameof(properties));
            }
        }
    }

    /// <summary>Property name to value, in table order.</summary>
    public static Dictionary<string, string> Read(MsiDatabase database)
    {
        CheckLayout(database);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in database.ReadRows(Name))
        {
            if (row[0] is string key)
            {
                result[key] = row[1] as string ?? "";
            }
        }

        return result;
    }
}
