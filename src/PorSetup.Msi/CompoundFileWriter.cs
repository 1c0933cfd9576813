// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;

namespace PorSetup.Msi;

/// <summary>
/// Writes a compound file, version 3 (512-byte sectors). Layout: large streams, the mini stream,
/// the mini FAT, the directory, then the FAT and DIFAT sectors, each run contiguous.
/// </summary>
internal sealed class CompoundFileWriter
{
    private const int SectorSize = 512;
    private const int EntriesPerSector = SectorSize / 4;

    private readonly List<CfbDirectoryEntry> entries = [];
    private readonly List<byte[]> streamData = [];
    private readonly List<uint> fat = [];
    private readonly List<uint> miniFat = [];
    private readonly List<byte> miniStream = [];

    public static void Write(CompoundStorage root, Stream output)
    {
        new CompoundFileWriter().WriteFile(root, output);
    }

    private void WriteFile(CompoundStorage root, Stream output)
    {
        entries.Add(new CfbDirectoryEntry
        {
            Name = CfbConstants.RootName,
            Type = CfbConstants.TypeRoot,
            Clsid = root.Clsid,
            StateBits = root.StateBits,
            CreationTime = root.CreationTime,
            ModifiedTime = root.ModifiedTime,
        });
        streamData.Add([]);
        AddChildren(0, root);

        // Large streams first, so that their sector numbers are known before the rest is laid out.
        var chunks = new List<byte[]>();
        for (var i = 1; i < entries.Count; i++)
        {
            var entry = entries[i];
            var data = streamData[i];
            if (entry.Type != CfbConstants.TypeStream || data.Length == 0)
            {
                continue;
            }

            if (data.Length >= CfbConstants.MiniStreamCutoff)
            {
                entry.StartSector = Allocate(data.Length);
                chunks.Add(data);
            }
            else
            {
                entry.StartSector = AllocateMini(data);
            }
        }

        var mini = miniStream.ToArray();
        entries[0].Size = mini.Length;
        entries[0].StartSector = mini.Length > 0 ? Allocate(mini.Length) : CfbConstants.EndOfChain;
        chunks.Add(mini);

        var miniFatBytes = ToBytes(miniFat, CfbConstants.FreeSector);
        var firstMiniFat = miniFatBytes.Length > 0 ? Allocate(miniFatBytes.Length) : CfbConstants.EndOfChain;
        chunks.Add(miniFatBytes);

        var directory = new byte[RoundUp(entries.Count * CfbConstants.DirectoryEntrySize)];
        var firstDirectory = (uint)fat.Count;
        for (var i = 0; i < directory.Length / CfbConstants.DirectoryEntrySize; i++)
        {
            var entry = i < entries.Count ? entries[i] : new CfbDirectoryEntry { Type = 0, StartSector = 0, Color = CfbConstants.ColorRed };
            entry.WriteTo(directory.AsSpan(i * CfbConstants.DirectoryEntrySize, CfbConstants.DirectoryEntrySize));
        }

        Allocate(directory.Length);
        chunks.Add(directory);

        var (fatSectors, difatSectors) = SizeFat(fat.Count);
        var firstFat = (uint)fat.Count;
        for (var i = 0; i < fatSectors; i++)
        {
            fat.Add(CfbConstants.FatSector);
        }

        var firstDifat = (uint)fat.Count;
        for (var i = 0; i < difatSectors; i++)
        {
            fat.Add(CfbConstants.DifatSector);
        }

        var header = BuildHeader(fatSectors, firstDirectory, firstMiniFat, miniFatBytes.Length / SectorSize, difatSectors, firstFat, firstDifat);
        output.Write(header);
        foreach (var chunk in chunks)
        {
            output.Write(chunk);
            output.Write(new byte[RoundUp(chunk.Length) - chunk.Length]);
        }

        var fatBytes = ToBytes(fat, CfbConstants.FreeSector);
        output.Write(fatBytes);
        output.Write(new byte[(fatSectors * SectorSize) - fatBytes.Length]);
        output.Write(BuildDifat(fatSectors, difatSectors, firstFat, firstDifat));
    }

    /// <summary>Adds a storage's children as a balanced binary tree, ordered as MS-CFB requires.</summary>
    private void AddChildren(int parent, CompoundStorage storage)
    {
        var children = new List<(string Name, CompoundStreamEntry? Stream, CompoundStorage? Storage)>();
        children.AddRange(storage.Streams.Select(s => (s.Name, (CompoundStreamEntry?)s, (CompoundStorage?)null)));
        children.AddRange(storage.Storages.Select(s => (s.Name, (CompoundStreamEntry?)null, (CompoundStorage?)s)));
        children.Sort((a, b) => CompoundName.Comparer.Compare(a.Name, b.Name));
        for (var i = 1; i < children.Count; i++)
        {
            if (CompoundName.Comparer.Compare(children[i - 1].Name, children[i].Name) == 0)
            {
                throw new InvalidOperationException($"Two entries of storage '{storage.Name}' are both named '{children[i].Name}'.");
            }
        }

        var first = entries.Count;
        foreach (var child in children)
        {
            entries.Add(child.Stream is not null
                ? new CfbDirectoryEntry { Name = child.Name, Type = CfbConstants.TypeStream, Size = child.Stream.Data.Length }
                : new CfbDirectoryEntry
                {
                    Name = child.Name,
                    Type = CfbConstants.TypeStorage,
                    Clsid = child.Storage!.Clsid,
                    StateBits = child.Storage.StateBits,
                    CreationTime = child.Storage.CreationTime,
                    ModifiedTime = child.Storage.ModifiedTime,
                    StartSector = 0,
                });
            streamData.Add(child.Stream?.Data ?? []);
        }

        var depth = new int[children.Count];
        entries[parent].Child = Link(first, 0, children.Count, 0, depth);
        ColorTree(first, depth);

        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].Storage is { } sub)
            {
                AddChildren(first + i, sub);
            }
        }
    }

    private uint Link(int first, int lo, int hi, int level, int[] depth)
    {
        if (lo >= hi)
        {
            return CfbConstants.NoStream;
        }

        var mid = (lo + hi) / 2;
        depth[mid] = level;
        entries[first + mid].Left = Link(first, lo, mid, level + 1, depth);
        entries[first + mid].Right = Link(first, mid + 1, hi, level + 1, depth);
        return (uint)(first + mid);
    }

    /// <summary>
    /// A tree split at the middle has every level full except maybe the deepest. Colouring that level red
    /// (when it is not full) and the rest black gives every path the same black height: a valid red-black tree.
    /// </summary>
    private void ColorTree(int first, int[] depth)
    {
        if (depth.Length == 0)
        {
            return;
        }

        var deepest = depth.Max();
        var full = depth.Count(d => d == deepest) == 1 << deepest;
        for (var i = 0; i < depth.Length; i++)
        {
            entries[first + i].Color = depth[i] == deepest && !full ? CfbConstants.ColorRed : CfbConstants.ColorBlack;
        }
    }

    private uint Allocate(int length)
    {
        var start = (uint)fat.Count;
        var count = RoundUp(length) / SectorSize;
        for (var i = 0; i < count; i++)
        {
            fat.Add(i == count - 1 ? CfbConstants.EndOfChain : (uint)(fat.Count + 1));
        }

        return start;
    }

    private uint AllocateMini(byte[] data)
    {
        var start = (uint)miniFat.Count;
        var count = (data.Length + CfbConstants.MiniSectorSize - 1) / CfbConstants.MiniSectorSize;
        for (var i = 0; i < count; i++)
        {
            miniFat.Add(i == count - 1 ? CfbConstants.EndOfChain : (uint)(miniFat.Count + 1));
        }

        miniStream.AddRange(data);
        miniStream.AddRange(new byte[(count * CfbConstants.MiniSectorSize) - data.Length]);
        return start;
    }

    /// <summary>FAT sectors must also describe themselves and the DIFAT sectors: grow until it fits.</summary>
    private static (int Fat, int Difat) SizeFat(int dataSectors)
    {
        int fatCount = 0, difatCount = 0;
        while (true)
        {
            var total = dataSectors + fatCount + difatCount;
            var needFat = (total + EntriesPerSector - 1) / EntriesPerSector;
            var needDifat = needFat > CfbConstants.HeaderDifatEntries
                ? (needFat - CfbConstants.HeaderDifatEntries + EntriesPerSector - 2) / (EntriesPerSector - 1)
                : 0;
            if (needFat == fatCount && needDifat == difatCount)
            {
                return (fatCount, difatCount);
            }

            fatCount = needFat;
            difatCount = needDifat;
        }
    }

    private static byte[] BuildHeader(int fatSectors, uint firstDirectory, uint firstMiniFat, int miniFatSectors, int difatSectors, uint firstFat, uint firstDifat)
    {
        var header = new byte[SectorSize];
        var span = header.AsSpan();
        CfbConstants.Signature.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[24..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(span[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(span[44..], (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(span[48..], firstDirectory);
        BinaryPrimitives.WriteUInt32LittleEndian(span[56..], CfbConstants.MiniStreamCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(span[60..], firstMiniFat);
        BinaryPrimitives.WriteUInt32LittleEndian(span[64..], (uint)miniFatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(span[68..], difatSectors > 0 ? firstDifat : CfbConstants.EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(span[72..], (uint)difatSectors);
        for (var i = 0; i < CfbConstants.HeaderDifatEntries; i++)
        {
            var value = i < fatSectors ? firstFat + (uint)i : CfbConstants.FreeSector;
            BinaryPrimitives.WriteUInt32LittleEndian(span[(76 + (i * 4))..], value);
        }

        return header;
    }

    private static byte[] BuildDifat(int fatSectors, int difatSectors, uint firstFat, uint firstDifat)
    {
        var difat = new byte[difatSectors * SectorSize];
        var next = CfbConstants.HeaderDifatEntries;
        for (var s = 0; s < difatSectors; s++)
        {
            var sector = difat.AsSpan(s * SectorSize, SectorSize);
            for (var i = 0; i < EntriesPerSector - 1; i++, next++)
            {
                var value = next < fatSectors ? firstFat + (uint)next : CfbConstants.FreeSector;
                BinaryPrimitives.WriteUInt32LittleEndian(sector[(i * 4)..], value);
            }

            var link = s == difatSectors - 1 ? CfbConstants.EndOfChain : firstDifat + (uint)s + 1;
            BinaryPrimitives.WriteUInt32LittleEndian(sector[((EntriesPerSector - 1) * 4)..], link);
        }

        return difat;
    }

    private static byte[] ToBytes(List<uint> words, uint filler)
    {
        var bytes = new byte[RoundUp(words.Count * 4)];
        for (var i = 0; i < bytes.Length / 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), i < words.Count ? words[i] : filler);
        }

        return bytes;
    }

    private static int RoundUp(int length) => (length + SectorSize - 1) / SectorSize * SectorSize;
}
