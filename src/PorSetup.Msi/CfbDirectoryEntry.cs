// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;
using System.Text;

namespace PorSetup.Msi;

/// <summary>One 128-byte directory entry (MS-CFB 2.6.1), as stored.</summary>
internal sealed class CfbDirectoryEntry
{
    public string Name { get; set; } = "";
    public byte Type { get; set; }
    public byte Color { get; set; } = CfbConstants.ColorBlack;
    public uint Left { get; set; } = CfbConstants.NoStream;
    public uint Right { get; set; } = CfbConstants.NoStream;
    public uint Child { get; set; } = CfbConstants.NoStream;
    public Guid Clsid { get; set; }
    public uint StateBits { get; set; }
    public long CreationTime { get; set; }
    public long ModifiedTime { get; set; }
    public uint StartSector { get; set; } = CfbConstants.EndOfChain;
    public long Size { get; set; }

    public static CfbDirectoryEntry Parse(ReadOnlySpan<byte> raw, bool version3)
    {
        var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(raw[64..]);
        var chars = Math.Clamp((nameBytes / 2) - 1, 0, 31);
        var size = BinaryPrimitives.ReadUInt64LittleEndian(raw[120..]);
        return new CfbDirectoryEntry
        {
            Name = Encoding.Unicode.GetString(raw[..(chars * 2)]),
            Type = raw[66],
            Color = raw[67],
            Left = BinaryPrimitives.ReadUInt32LittleEndian(raw[68..]),
            Right = BinaryPrimitives.ReadUInt32LittleEndian(raw[72..]),
            Child = BinaryPrimitives.ReadUInt32LittleEndian(raw[76..]),
            Clsid = new Guid(raw.Slice(80, 16)),
            StateBits = BinaryPrimitives.ReadUInt32LittleEndian(raw[96..]),
            CreationTime = BinaryPrimitives.ReadInt64LittleEndian(raw[100..]),
            ModifiedTime = BinaryPrimitives.ReadInt64LittleEndian(raw[108..]),
            StartSector = BinaryPrimitives.ReadUInt32LittleEndian(raw[116..]),

            // Version 3 files may leave garbage in the high half of the size (MS-CFB 2.6.3). A version 4 size
            // beyond long's range is as impossible as any size beyond the file, which the reader refuses.
            Size = version3 ? (long)(size & 0xFFFFFFFF) : (long)Math.Min(size, long.MaxValue),
        };
    }

    public void WriteTo(Span<byte> raw)
    {
        raw[..CfbConstants.DirectoryEntrySize].Clear();
        if (Type != 0)
        {
            Encoding.Unicode.GetBytes(Name, raw);
            BinaryPrimitives.WriteUInt16LittleEndian(raw[64..], (ushort)((Name.Length + 1) * 2));
        }

        raw[66] = Type;
        raw[67] = Color;
        BinaryPrimitives.WriteUInt32LittleEndian(raw[68..], Left);
        BinaryPrimitives.WriteUInt32LittleEndian(raw[72..], Right);
        BinaryPrimitives.WriteUInt32LittleEndian(raw[76..], Child);
        Clsid.TryWriteBytes(raw.Slice(80, 16));
        BinaryPrimitives.WriteUInt32LittleEndian(raw[96..], StateBits);
        BinaryPrimitives.WriteInt64LittleEndian(raw[100..], CreationTime);
        BinaryPrimitives.WriteInt64LittleEndian(raw[108..], ModifiedTime);
        BinaryPrimitives.WriteUInt32LittleEndian(raw[116..], StartSector);
        BinaryPrimitives.WriteUInt64LittleEndian(raw[120..], (ulong)Size);
    }
}
