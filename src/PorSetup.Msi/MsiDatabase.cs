// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// An MSI database held in memory: its compound file storage, string pool and tables.
/// Changes are made on the storage and written with <see cref="Save"/>.
/// </summary>
public sealed class MsiDatabase
{
    public const string SummaryInformationStream = "\u0005SummaryInformation";

    private static readonly MsiColumn[] TablesColumns =
    [
        new("Name", MsiColumn.Key | MsiColumn.StringType | 0x0400 | MsiColumn.Valid | 64),
    ];

    private static readonly MsiColumn[] ColumnsColumns =
    [
        new("Table", MsiColumn.Key | MsiColumn.StringType | 0x0400 | MsiColumn.Valid | 64),
        new("Number", MsiColumn.Key | 0x0400 | MsiColumn.Valid | 2),
        new("Name", MsiColumn.StringType | 0x0400 | MsiColumn.Valid | 64),
        new("Type", 0x0400 | MsiColumn.Valid | 2),
    ];

    private Dictionary<string, List<(int Number, MsiColumn Column)>>? columns;

    private MsiDatabase(CompoundStorage storage, MsiStringPool strings)
    {
        Storage = storage;
        Strings = strings;
    }

    public CompoundStorage Storage { get; }

    public MsiStringPool Strings { get; }

    public static MsiDatabase Open(string path) => Load(CompoundFile.Read(path));

    public static MsiDatabase Load(CompoundStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);

        // Tables are streams; a storage under a table's name could neither be read nor written as one.
        if (storage.Storages.FirstOrDefault(s => s.Name.StartsWith(MsiStreamName.TablePrefix)) is { } table)
        {
            throw new DamagedFileException(FileDamage.Directory, $"The table {MsiStreamName.Decode(table.Name, out _)} is a storage, not a stream.");
        }

        var pool = storage.FindStream(MsiStreamName.Encode("_StringPool", table: true))
            ?? throw new InvalidDataException("Not an MSI database: there is no string table.");
        var data = storage.FindStream(MsiStreamName.Encode("_StringData", table: true))
            ?? throw new InvalidDataException("Not an MSI database: there is no string data.");
        return new MsiDatabase(storage, MsiStringPool.Read(pool.Data, data.Data));
    }

    public IReadOnlyList<string> GetTableNames() =>
        ReadRawRows("_Tables", TablesColumns).Select(r => Strings[(int)r[0]] ?? "").ToList();

    public bool HasTable(string table) => GetTableNames().Contains(table, StringComparer.Ordinal);

    /// <summary>The columns of a table, in column order, from _Columns.</summary>
    public IReadOnlyList<MsiColumn> GetColumns(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table == "_Columns")
        {
            return ColumnsColumns;
        }

        if (table == "_Tables")
        {
            return TablesColumns;
        }

        columns ??= LoadColumns();
        return columns.TryGetValue(table, out var list)
            ? list.OrderBy(c => c.Number).Select(c => c.Column).ToList()
            : throw new InvalidDataException($"The database has no table '{table}'.");
    }

    /// <summary>
    /// Rows decoded: a string, an int, or null (also for binary columns, whose data is in a stream).
    /// </summary>
    public IReadOnlyList<object?[]> ReadRows(string table)
    {
        var layout = GetColumns(table);
        return ReadRawRows(table, layout).Select(raw => Decode(raw, layout)).ToList();
    }

    internal List<uint[]> ReadRawRows(string table) => ReadRawRows(table, GetColumns(table));

    internal void WriteRawRows(string table, IReadOnlyList<uint[]> rows)
    {
        var data = MsiTableCodec.Write(rows, GetColumns(table), Strings.ReferenceSize);
        Storage.SetStream(MsiStreamName.Encode(table, table: true), data);
    }

    public SummaryInformation ReadSummaryInformation()
    {
        var stream = Storage.FindStream(SummaryInformationStream)
            ?? throw new InvalidDataException("The database has no summary information stream.");
        return SummaryInformation.Parse(stream.Data);
    }

    public void WriteSummaryInformation(SummaryInformation summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Storage.SetStream(SummaryInformationStream, summary.ToBytes());
    }

    /// <summary>Writes the string pool back into the storage, then the storage to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        var (pool, data) = Strings.Write();
        Storage.SetStream(MsiStreamName.Encode("_StringPool", table: true), pool);
        Storage.SetStream(MsiStreamName.Encode("_StringData", table: true), data);
        CompoundFile.Write(Storage, path);
    }

    private object?[] Decode(uint[] raw, IReadOnlyList<MsiColumn> layout)
    {
        var values = new object?[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var column = layout[i];
            values[i] = column.IsBinary ? null
                : column.IsString ? Strings[(int)raw[i]]
                : MsiTableCodec.DecodeInteger(raw[i], column.Width(Strings.ReferenceSize));
        }

        return values;
    }

    private List<uint[]> ReadRawRows(string table, IReadOnlyList<MsiColumn> layout)
    {
        var stream = Storage.FindStream(MsiStreamName.Encode(table, table: true));
        return stream is null ? [] : MsiTableCodec.Read(stream.Data, layout, Strings.ReferenceSize);
    }

    private Dictionary<string, List<(int Number, MsiColumn Column)>> LoadColumns()
    {
        var result = new Dictionary<string, List<(int, MsiColumn)>>(StringComparer.Ordinal);
        foreach (var row in ReadRawRows("_Columns", ColumnsColumns))
        {
            var table = Strings[(int)row[0]] ?? throw new InvalidDataException("_Columns has a row without a table name.");
            var number = MsiTableCodec.DecodeInteger(row[1], 2) ?? 0;
            var name = Strings[(int)row[2]] ?? "";
            var type = MsiTableCodec.DecodeInteger(row[3], 2) ?? 0;
            if (!result.TryGetValue(table, out var list))
            {
                result[table] = list = [];
            }

            list.Add((number, new MsiColumn(name, type)));
        }

        return result;
    }
}
