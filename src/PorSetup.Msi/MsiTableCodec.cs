// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// Table streams store values column by column: all rows of column 1, then of column 2, ...
/// Values are raw: a string id, or an integer biased (+0x8000 for 2 bytes, ^0x80000000 for 4); 0 is null.
/// </summary>
internal static class MsiTableCodec
{
    public static List<uint[]> Read(byte[] data, IReadOnlyList<MsiColumn> columns, int referenceSize)
    {
        var rowSize = columns.Sum(c => c.Width(referenceSize));
        var rows = new List<uint[]>();
        if (rowSize == 0)
        {
            return rows;
        }

        // Windows Installer tolerates up to 3 bytes of padding after the last row.
        if (data.Length % rowSize >= 4)
        {
            throw new DamagedFileException(FileDamage.Table, $"A table stream of {data.Length} bytes does not hold whole rows of {rowSize} bytes.");
        }

        var count = data.Length / rowSize;
        for (var r = 0; r < count; r++)
        {
            rows.Add(new uint[columns.Count]);
        }

        var offset = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            var width = columns[c].Width(referenceSize);
            for (var r = 0; r < count; r++)
            {
                rows[r][c] = ReadValue(data, offset + (r * width), width);
            }

            offset += width * count;
        }

        return rows;
    }

    public static byte[] Write(IReadOnlyList<uint[]> rows, IReadOnlyList<MsiColumn> columns, int referenceSize)
    {
        var rowSize = columns.Sum(c => c.Width(referenceSize));
        var data = new byte[rowSize * rows.Count];
        var offset = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            var width = columns[c].Width(referenceSize);
            for (var r = 0; r < rows.Count; r++)
            {
                WriteValue(data, offset + (r * width), width, rows[r][c]);
            }

            offset += width * rows.Count;
        }

        return data;
    }

    public static uint ReadValue(ReadOnlySpan<byte> data, int offset, int width)
    {
        uint value = 0;
        for (var i = 0; i < width; i++)
        {
            value |= (uint)data[offset + i] << (8 * i);
        }

        return value;
    }

    public static void WriteValue(Span<byte> data, int offset, int width, uint value)
    {
        for (var i = 0; i < width; i++)
        {
            data[offset + i] = (byte)(value >> (8 * i));
        }
    }

    /// <summary>Turns a raw integer cell into its value; null for 0.</summary>
    public static int? DecodeInteger(uint raw, int width) =>
        raw == 0 ? null : width == 2 ? (int)raw - 0x8000 : (int)(raw ^ 0x80000000);

    public static uint EncodeInteger(int? value, int width) =>
        value is null ? 0 : width == 2 ? (uint)(value.Value + 0x8000) & 0xFFFF : (uint)value.Value ^ 0x80000000;
}
