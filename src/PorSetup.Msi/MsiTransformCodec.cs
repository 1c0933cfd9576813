// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// Transform table streams are row-wise: each record is a 16-bit mask then the present values.
/// Mask with bit 0 set: insert, columns 1..(mask >> 8) present. Mask 0: delete, keys only.
/// Other masks: update, keys plus the columns whose bit (1 &lt;&lt; index) is set.
/// String values are ids in the transform's own string pool.
/// </summary>
internal static class MsiTransformCodec
{
    public static int InsertMask(int columnCount) => 1 | (columnCount << 8);

    public static bool[] PresentColumns(int mask, IReadOnlyList<MsiColumn> columns)
    {
        var present = new bool[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            present[i] = (mask & 1) != 0 ? i < (mask >> 8) : columns[i].IsKey || (mask & (1 << i)) != 0;
        }

        return present;
    }

    public static void WriteRecord(Stream output, int mask, IReadOnlyList<uint> values, IReadOnlyList<MsiColumn> columns, int referenceSize)
    {
        var present = PresentColumns(mask, columns);
        Span<byte> buffer = stackalloc byte[4];
        MsiTableCodec.WriteValue(buffer, 0, 2, (uint)mask);
        output.Write(buffer[..2]);
        for (var i = 0; i < columns.Count; i++)
        {
            if (present[i])
            {
                var width = columns[i].Width(referenceSize);
                MsiTableCodec.WriteValue(buffer, 0, width, values[i]);
                output.Write(buffer[..width]);
            }
        }
    }

    public static List<(int Mask, uint[] Values, bool[] Present)> ReadRecords(byte[] data, IReadOnlyList<MsiColumn> columns, int referenceSize)
    {
        var records = new List<(int, uint[], bool[])>();
        var offset = 0;
        while (offset + 2 <= data.Length)
        {
            var mask = (int)MsiTableCodec.ReadValue(data, offset, 2);
            if ((mask & 1) != 0 && (mask >> 8) > columns.Count)
            {
                throw new DamagedFileException(FileDamage.Table, $"A transform record names {mask >> 8} columns; the table has {columns.Count}.");
            }

            var present = PresentColumns(mask, columns);
            var size = 2 + columns.Where((c, i) => present[i]).Sum(c => c.Width(referenceSize));
            if (offset + size > data.Length)
            {
                throw new DamagedFileException(FileDamage.Table, "A transform record runs past the end of its stream.");
            }

            var values = new uint[columns.Count];
            var position = offset + 2;
            for (var i = 0; i < columns.Count; i++)
            {
                if (present[i])
                {
                    var width = columns[i].Width(referenceSize);
                    values[i] = MsiTableCodec.ReadValue(data, position, width);
                    position += width;
                }
            }

            records.Add((mask, values, present));
            offset += size;
        }

        return records;
    }
}
