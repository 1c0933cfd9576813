// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;

namespace PorSetup.Msi;

/// <summary>
/// The "\u0005SummaryInformation" property set stream (MS-OLEPS). Properties that are not changed keep
/// their stored bytes, so a rewrite preserves types and values this class does not interpret.
/// </summary>
public sealed class SummaryInformation
{
    public const ushort VtI2 = 2;
    public const ushort VtI4 = 3;
    public const ushort VtLpstr = 30;
    public const ushort VtFiletime = 64;

    private static readonly Guid FormatId = new("F29F85E0-4FF9-1068-AB91-08002B27B3D9");
    private const int HeaderSize = 48;

    private readonly byte[] header;
    private readonly List<(int Id, byte[] Value)> properties = [];

    /// <summary>An empty property set with a standard header.</summary>
    public SummaryInformation()
    {
        header = new byte[HeaderSize];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0xFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 0x00020006);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), 1);
        FormatId.TryWriteBytes(header.AsSpan(28));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(44), HeaderSize);
    }

    private SummaryInformation(byte[] header) => this.header = header;

    public IReadOnlyList<int> PropertyIds => properties.Select(p => p.Id).ToList();

    /// <summary>The code page of string properties (property 1); 0 when absent.</summary>
    public int CodePage => GetInteger(SummaryPropertyId.CodePage) is { } cp ? (ushort)cp : 0;

    public static SummaryInformation Parse(byte[] stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.Length < HeaderSize || BinaryPrimitives.ReadUInt16LittleEndian(stream) != 0xFFFE)
        {
            throw Damaged("there is no property set header");
        }

        var headerBytes = stream[..HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(headerBytes.AsSpan(24), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(headerBytes.AsSpan(44), HeaderSize);
        var result = new SummaryInformation(headerBytes);

        // Offsets and counts are unsigned 32-bit values: compared as longs, before any cast to int.
        var sectionOffset = BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(44));
        if (sectionOffset + 8L > stream.Length)
        {
            throw Damaged("the section lies outside the stream");
        }

        var section = (int)sectionOffset;
        var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(section)), (uint)(stream.Length - section));
        var count = BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(section + 4));
        if (8 + (count * 8L) > size)
        {
            throw Damaged($"the section is shorter than its list of {count} properties");
        }

        var entries = new (uint Id, uint Offset)[count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = (BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(section + 8 + (i * 8))), BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(section + 12 + (i * 8))));
        }

        // A property's bytes run up to the next property's offset (or the section end); two at one offset would
        // each copy the same bytes, as many times as a crafted count says.
        var ends = entries.Select(e => (long)e.Offset).Append(size).Distinct().Order().ToArray();
        if (ends.Length < entries.Length)
        {
            throw Damaged("two properties share one offset");
        }

        foreach (var (id, offset) in entries)
        {
            var next = Array.BinarySearch(ends, (long)offset) + 1;
            var end = next < ends.Length ? ends[next] : long.MaxValue;
            if (offset < 8 || end > size)
            {
                throw Damaged($"property {id} lies outside its section");
            }

            result.properties.Add(((int)id, stream.AsSpan(section + (int)offset, (int)(end - offset)).ToArray()));
        }

        if (result.CodePage != 0 && MsiEncoding.Find(result.CodePage) is null)
        {
            throw Damaged($"the code page {result.CodePage} is not one Windows knows");
        }

        return result;
    }

    public byte[] ToBytes()
    {
        using var output = new MemoryStream();
        output.Write(header);
        var sectionSize = 8 + (properties.Count * 8) + properties.Sum(p => Pad4(p.Value.Length));
        Span<byte> word = stackalloc byte[4];
        WriteUInt32(output, word, (uint)sectionSize);
        WriteUInt32(output, word, (uint)properties.Count);
        var offset = 8 + (properties.Count * 8);
        foreach (var (id, value) in properties)
        {
            WriteUInt32(output, word, (uint)id);
            WriteUInt32(output, word, (uint)offset);
            offset += Pad4(value.Length);
        }

        foreach (var (_, value) in properties)
        {
            output.Write(value);
            output.Write(new byte[Pad4(value.Length) - value.Length]);
        }

        return output.ToArray();
    }

    public ushort? GetType(int id) => Find(id) is { } v && v.Length >= 4 ? BinaryPrimitives.ReadUInt16LittleEndian(v) : null;

    public string? GetString(int id)
    {
        var value = Find(id);
        if (value is null || value.Length < 8 || BinaryPrimitives.ReadUInt16LittleEndian(value) != VtLpstr)
        {
            return null;
        }

        var length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(value.AsSpan(4)), (uint)(value.Length - 8));
        var text = value.AsSpan(8, length);
        var nul = text.IndexOf((byte)0);
        return MsiEncoding.Get(CodePage).GetString(nul >= 0 ? text[..nul] : text);
    }

    public int? GetInteger(int id)
    {
        var value = Find(id);
        if (value is null || value.Length < 8)
        {
            return null;
        }

        return BinaryPrimitives.ReadUInt16LittleEndian(value) switch
        {
            VtI2 => BinaryPrimitives.ReadInt16LittleEndian(value.AsSpan(4)),
            VtI4 => BinaryPrimitives.ReadInt32LittleEndian(value.AsSpan(4)),
            _ => null,
        };
    }

    public DateTime? GetFileTime(int id)
    {
        var value = Find(id);
        return value is { Length: >= 12 } && BinaryPrimitives.ReadUInt16LittleEndian(value) == VtFiletime
            ? DateTime.FromFileTimeUtc(BinaryPrimitives.ReadInt64LittleEndian(value.AsSpan(4)))
            : null;
    }

    public void SetString(int id, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = MsiEncoding.Get(CodePage).GetBytes(value);
        var raw = new byte[8 + text.Length + 1];
        BinaryPrimitives.WriteUInt16LittleEndian(raw, VtLpstr);
        BinaryPrimitives.WriteUInt32LittleEndian(raw.AsSpan(4), (uint)(text.Length + 1));
        text.CopyTo(raw, 8);
        Set(id, raw);
    }

    /// <summary>Sets a 4-byte integer; the code page (property 1) is always stored as a 2-byte one.</summary>
    public void SetInteger(int id, int value)
    {
        var raw = new byte[8];
        if (id == SummaryPropertyId.CodePage)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(raw, VtI2);
            BinaryPrimitives.WriteInt16LittleEndian(raw.AsSpan(4), unchecked((short)value));
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(raw, VtI4);
            BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(4), value);
        }

        Set(id, raw);
    }

    public void SetFileTime(int id, DateTime value)
    {
        var raw = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(raw, VtFiletime);
        BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(4), value.ToFileTimeUtc());
        Set(id, raw);
    }

    /// <summary>Copies a property's stored bytes from another set, whatever its type.</summary>
    public void CopyFrom(SummaryInformation other, int id)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Find(id) is { } value)
        {
            Set(id, (byte[])value.Clone());
        }
    }

    public void Remove(int id) => properties.RemoveAll(p => p.Id == id);

    private byte[]? Find(int id) => properties.FirstOrDefault(p => p.Id == id).Value;

    private void Set(int id, byte[] raw)
    {
        var index = properties.FindIndex(p => p.Id == id);
        if (index >= 0)
        {
            properties[index] = (id, raw);
        }
        else
        {
            properties.Add((id, raw));
        }
    }

    private static DamagedFileException Damaged(string detail) => new(FileDamage.SummaryInformation, $"The summary information is damaged: {detail}.");

    private static int Pad4(int length) => (length + 3) & ~3;

    private static void WriteUInt32(MemoryStream output, Span<byte> word, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(word, value);
        output.Write(word);
    }
}
