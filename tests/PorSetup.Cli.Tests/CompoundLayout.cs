// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;
using System.Text;

namespace PorSetup.Cli.Tests;

/// <summary>
/// Where each structure of a sound compound file lies (MS-CFB versions 3 and 4), read here apart from the reader
/// under test, so that a test can damage one precise place: a FAT entry, a directory field, a stream's byte.
/// </summary>
internal sealed class CompoundLayout
{
    public const uint EndOfChain = 0xFFFFFFFE;

    public CompoundLayout(byte[] file)
    {
        Bytes = file;
        SectorSize = 1 << U16(30);
        var perSector = SectorSize / 4;
        FatSectors = Enumerable.Range(0, (int)Math.Min(U32(44), 109)).Select(i => U32(76 + (i * 4))).ToList();
        for (var difat = U32(68); FatSectors.Count < U32(44); difat = Word(difat, perSector - 1))
        {
            DifatSectors.Add(difat);
            FatSectors.AddRange(Enumerable.Range(0, Math.Min(perSector - 1, (int)U32(44) - FatSectors.Count)).Select(i => Word(difat, i)));
        }

        Fat = FatSectors.SelectMany(s => Enumerable.Range(0, perSector).Select(i => Word(s, i))).ToArray();
        DirectorySectors = Chain(U32(48));
        Entries = DirectorySectors.SelectMany((s, n) => Enumerable.Range(0, SectorSize / 128).Select(i => new Entry(this, (int)SectorOffset(s) + (i * 128), (n * (SectorSize / 128)) + i))).ToList();
        MiniFatSectors = U32(60) == EndOfChain ? [] : Chain(U32(60));
        MiniFat = MiniFatSectors.SelectMany(s => Enumerable.Range(0, perSector).Select(i => Word(s, i))).ToArray();
        MiniStreamSectors = Entries[0].Size == 0 ? [] : Chain(Entries[0].Start);
    }

    public byte[] Bytes { get; }

    public int SectorSize { get; }

    /// <summary>Sectors after the header that start inside the file.</summary>
    public long SectorCount => (Bytes.Length - 1) / SectorSize;

    public List<uint> FatSectors { get; }

    public List<uint> DifatSectors { get; } = [];

    public uint[] Fat { get; }

    public List<uint> DirectorySectors { get; }

    public List<Entry> Entries { get; }

    public List<uint> MiniFatSectors { get; }

    public uint[] MiniFat { get; }

    public List<uint> MiniStreamSectors { get; }

    public IEnumerable<Entry> Streams => Entries.Where(e => e.Type == 2);

    public long SectorOffset(uint sector) => (sector + 1L) * SectorSize;

    /// <summary>Where the FAT entry of a sector (the number of the next one) is stored.</summary>
    public int FatEntryOffset(uint sector) => (int)SectorOffset(FatSectors[(int)(sector / (SectorSize / 4))]) + (int)(sector % (SectorSize / 4) * 4);

    public int MiniFatEntryOffset(uint miniSector) => (int)SectorOffset(MiniFatSectors[(int)(miniSector / (SectorSize / 4))]) + (int)(miniSector % (SectorSize / 4) * 4);

    /// <summary>A regular chain, up to its end (a sound file's chains end).</summary>
    public List<uint> Chain(uint start)
    {
        var chain = new List<uint>();
        for (var s = start; s != EndOfChain && chain.Count <= Fat.Length; s = Fat[s])
        {
            chain.Add(s);
        }

        return chain;
    }

    public List<uint> MiniChain(uint start)
    {
        var chain = new List<uint>();
        for (var s = start; s != EndOfChain && chain.Count <= MiniFat.Length; s = MiniFat[s])
        {
            chain.Add(s);
        }

        return chain;
    }

    /// <summary>The sectors of a stream: mini sectors under the 4096-byte cutoff, regular ones otherwise.</summary>
    public List<uint> StreamChain(Entry entry) => entry.IsMini ? MiniChain(entry.Start) : Chain(entry.Start);

    /// <summary>Where byte <paramref name="offset"/> of a stream lies in the file.</summary>
    public int StreamByteOffset(Entry entry, int offset)
    {
        if (!entry.IsMini)
        {
            return (int)SectorOffset(Chain(entry.Start)[offset / SectorSize]) + (offset % SectorSize);
        }

        var inMiniStream = ((long)MiniChain(entry.Start)[offset / 64] * 64) + (offset % 64);
        return (int)SectorOffset(MiniStreamSectors[(int)(inMiniStream / SectorSize)]) + (int)(inMiniStream % SectorSize);
    }

    public Entry Stream(string name) => Streams.Single(e => e.Name == name);

    private ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(offset));

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(offset));

    private uint Word(uint sector, int index) => U32((int)SectorOffset(sector) + (index * 4));

    /// <summary>One directory entry; <see cref="Name"/> decoded the way MSI packs stream names.</summary>
    public sealed class Entry(CompoundLayout layout, int offset, int index)
    {
        public const int LeftField = 68;
        public const int RightField = 72;
        public const int ChildField = 76;
        public const int StartField = 116;
        public const int SizeField = 120;

        public int Offset { get; } = offset;

        public int Index { get; } = index;

        public byte Type => layout.Bytes[Offset + 66];

        public string Name => PorSetup.Msi.MsiStreamName.Decode(
            Encoding.Unicode.GetString(layout.Bytes, Offset, Math.Clamp(layout.U16(Offset + 64) - 2, 0, 62)), out _);

        public uint Start => layout.U32(Offset + StartField);

        public uint Size => layout.U32(Offset + SizeField);

        public bool IsMini => Type == 2 && Size < 4096;
    }
}
