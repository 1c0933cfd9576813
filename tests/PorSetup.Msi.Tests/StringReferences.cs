// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi.Tests;

/// <summary>Counts, per string, the references every table of a database makes to it.</summary>
internal static class StringReferences
{
    public static Dictionary<string, int> Count(MsiDatabase database)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in database.GetTableNames().Append("_Tables").Append("_Columns"))
        {
            var columns = database.GetColumns(table);
            foreach (var row in database.ReadRows(table))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    if (columns[i].IsString && !columns[i].IsBinary && row[i] is string value)
                    {
                        counts[value] = counts.GetValueOrDefault(value) + 1;
                    }
                }
            }
        }

        return counts;
    }

    /// <summary>Pool reference counts by string value.</summary>
    public static Dictionary<string, int> Pool(MsiDatabase database)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 1; id < database.Strings.Count; id++)
        {
            if (database.Strings[id] is { } value)
            {
                counts[value] = database.Strings.ReferenceCount(id);
            }
        }

        return counts;
    }
}
