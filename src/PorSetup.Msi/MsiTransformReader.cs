// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// Reads a transform back. Transform streams carry no column layout for tables that already exist,
/// so the base package supplies it, as when Windows Installer applies the transform.
/// </summary>
public static class MsiTransformReader
{
    // The Property table's layout in every package (Property s72 key, Value l0), as PropertyTable checks it.
    private static readonly MsiColumn[] PropertyColumns =
    [
        new("Property", MsiColumn.Key | MsiColumn.StringType | 0x0400 | MsiColumn.Valid | PropertyTable.MaxNameLength),
        new("Value", MsiColumn.StringType | 0x0400 | MsiColumn.Localizable | MsiColumn.Valid),
    ];

    public static MsiTransform Read(string mstPath, string baseMsiPath)
    {
        ArgumentNullException.ThrowIfNull(baseMsiPath);
        return Read(mstPath, MsiDatabase.Open(baseMsiPath).GetColumns);
    }

    /// <summary>
    /// Reads a transform without its base package: Property rows are decoded with the standard Property layout;
    /// the tables whose layout only the base package knows are listed in <see cref="MsiTransform.Tables"/>, their rows left out.
    /// </summary>
    public static MsiTransform Read(string mstPath) =>
        Read(mstPath, table => table == PropertyTable.Name ? PropertyColumns : null);

    private static MsiTransform Read(string mstPath, Func<string, IReadOnlyList<MsiColumn>?> layout)
    {
        var root = CompoundFile.Read(mstPath);
        var pool = root.FindStream(MsiStreamName.Encode("_StringPool", table: true))
            ?? throw new InvalidDataException("The transform has no string table.");
        var data = root.FindStream(MsiStreamName.Encode("_StringData", table: true))
            ?? throw new InvalidDataException("The transform has no string data.");
        var strings = MsiStringPool.Read(pool.Data, data.Data);
        var summary = SummaryInformation.Parse(
            (root.FindStream(MsiDatabase.SummaryInformationStream)
                ?? throw new InvalidDataException("The transform has no summary information.")).Data);

        var tables = new List<string>();
        var rows = new List<MsiTransformRow>();
        foreach (var stream in root.Streams)
        {
            var name = MsiStreamName.Decode(stream.Name, out var isTable);
            if (!isTable || name is "_StringPool" or "_StringData")
            {
                continue;
            }

            tables.Add(name);
            if (layout(name) is not { } columns)
            {
                continue;
            }

            foreach (var (mask, raw, present) in MsiTransformCodec.ReadRecords(stream.Data, columns, strings.ReferenceSize))
            {
                var operation = (mask & 1) != 0 ? MsiTransformOperation.Insert : mask == 0 ? MsiTransformOperation.Delete : MsiTransformOperation.Update;
                var values = new object?[columns.Count];
                for (var i = 0; i < columns.Count; i++)
                {
                    values[i] = !present[i] || columns[i].IsBinary ? null
                        : columns[i].IsString ? strings[(int)raw[i]]
                        : MsiTableCodec.DecodeInteger(raw[i], columns[i].Width(strings.ReferenceSize));
                }

                rows.Add(new MsiTransformRow(name, operation, mask, values, present));
            }
        }

        return new MsiTransform(root.Clsid, summary, strings, tables, rows);
    }
}
