// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;

namespace PorSetup.Msi;

/// <summary>Reads a whole compound file (MS-CFB versions 3 and 4) into memory.</summary>
internal sealed class CompoundFileReader
{
    private readonly byte[] file;
    private readonly int sectorSize;
    private readonly uint[] fat;
    private readonly List<CfbDirectoryEntry> entries;
    private readonly uint[] miniFat;
    private readonly byte[] miniStream;
    private readonly uint miniCutoff;

    private CompoundFileReader(byte[] file)
    {
        this.file = file;
        if (file.Length < 512 || !file.AsSpan(0, 8).SequenceEqual(CfbConstants.Signature))
        {
            throw new InvalidDataException("Not a compound file: the signature is missing.");
        }

        var major = U16(26);
        var sectorShift = U16(30);
        if (!(major == 3 && sectorShift == 9) && !(major == 4 && sectorShift == 12))
        {
            throw new InvalidDataException($"Unsupported compound file version {major} with sector shift {sectorShift}.");
        }

        sectorSize = 1 << sectorShift;
        miniCutoff = U32(56);
        fat = ReadFat(U32(44), U32(68));
        entries = ReadDirectory(ReadChain(U32(48), -1), major == 3);
        if (entries.Count == 0 || entries[0].Type != CfbConstants.TypeRoot)
        {
            throw new InvalidDataException("The compound file has no root entry.");
        }

        miniFat = ToUInt32s(ReadChain(U32(60), -1));
        miniStream = ReadChain(entries[0].StartSector, entries[0].Size);
    }

    public static CompoundStorage Read(byte[] file)
    {
        var reader = new CompoundFileReader(file);
        return reader.BuildStorage(0, new HashSet<uint>());
    }

    private CompoundStorage BuildStorage(uint index, HashSet<uint> seen)
    {
        var entry = entries[(int)index];
        var storage = new CompoundStorage(entry.Type == CfbConstants.TypeRoot ? CfbConstants.RootName : entry.Name)
        {
            Clsid = entry.Clsid,
            StateBits = entry.StateBits,
            CreationTime = entry.CreationTime,
            ModifiedTime = entry.ModifiedTime,
        };

        foreach (var childIndex in Children(entry.Child, seen))
        {
            var child = entries[(int)childIndex];
            if (child.Type == CfbConstants.TypeStream)
            {
                storage.Streams.Add(new CompoundStreamEntry(child.Name, ReadStream(child)));
            }
            else if (child.Type == CfbConstants.TypeStorage)
            {
                storage.Storages.Add(BuildStorage(childIndex, seen));
            }
        }

        return storage;
    }

    /// <summary>In-order walk of a storage's sibling tree; a visited set stops cycles in damaged files.</summary>
    private List<uint> Children(uint root, HashSet<uint> seen)
    {
        var result = new List<uint>();
        var stack = new Stack<uint>();
        var current = root;
        while (stack.Count > 0 || IsEntry(current))
        {
            while (IsEntry(current))
            {
                if (!seen.Add(current))
                {
                    throw new InvalidDataException("The compound file directory has a cycle.");
                }

                stack.Push(current);
                current = entries[(int)current].Left;
            }

            current = stack.Pop();
            result.Add(current);
            current = entries[(int)current].Right;
        }

        return result;
    }

    private bool IsEntry(uint index) => index != CfbConstants.NoStream && index < entries.Count;

    private byte[] ReadStream(CfbDirectoryEntry entry)
    {
        if (entry.Size == 0)
        {
            return [];
        }

        if (entry.Size >= miniCutoff)
        {
            return ReadChain(entry.StartSector, entry.Size);
        }

        var data = new byte[entry.Size];
        var sector = entry.StartSector;
        for (var offset = 0; offset < data.Length; offset += CfbConstants.MiniSectorSize)
        {
            if (sector >= miniFat.Length || (long)(sector + 1) * CfbConstants.MiniSectorSize > miniStream.Length)
            {
                throw new InvalidDataException($"Stream '{entry.Name}' points outside the mini stream.");
            }

            var count = Math.Min(CfbConstants.MiniSectorSize, data.Length - offset);
            Array.Copy(miniStream, sector * CfbConstants.MiniSectorSize, data, offset, count);
            sector = miniFat[sector];
        }

        return data;
    }

    /// <summary>Follows a FAT chain; size -1 reads the whole chain.</summary>
    private byte[] ReadChain(uint start, long size)
    {
        using var buffer = new MemoryStream();
        var sector = start;
        var steps = 0;
        while (sector <= CfbConstants.MaxRegularSector && (size < 0 || buffer.Length < size))
        {
            if (sector >= fat.Length || ++steps > fat.Length)
            {
                throw new InvalidDataException("A sector chain of the compound file is broken.");
            }

            var offset = (long)(sector + 1) * sectorSize;
            var available = (int)Math.Clamp(file.Length - offset, 0, sectorSize);

            // The last sector of a file may be cut short; the missing bytes read as zeros.
            buffer.Write(file, (int)Math.Min(offset, file.Length), available);
            if (available < sectorSize)
            {
                buffer.Write(new byte[sectorSize - available]);
            }

            sector = fat[sector];
        }

        if (size >= 0 && buffer.Length < size)
        {
            throw new InvalidDataException("A stream of the compound file is shorter than its size.");
        }

        var data = buffer.ToArray();
        return size >= 0 ? data[..(int)size] : data;
    }

    private uint[] ReadFat(uint fatSectorCount, uint firstDifatSector)
    {
        var fatSectors = new List<uint>();
        for (var i = 0; i < CfbConstants.HeaderDifatEntries && fatSectors.Count < fatSectorCount; i++)
        {
            fatSectors.Add(U32(76 + (i * 4)));
        }

        var perDifat = (sectorSize / 4) - 1;
        var difat = firstDifatSector;
        var guard = 0;
        while (fatSectors.Count < fatSectorCount && difat <= CfbConstants.MaxRegularSector)
        {
            if (++guard > file.Length / sectorSize)
            {
                throw new InvalidDataException("The DIFAT chain of the compound file is broken.");
            }

            var offset = (int)((difat + 1) * sectorSize);
            for (var i = 0; i < perDifat && fatSectors.Count < fatSectorCount; i++)
            {
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + (i * 4))));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + (perDifat * 4)));
        }

        var table = new uint[fatSectors.Count * (sectorSize / 4)];
        for (var i = 0; i < fatSectors.Count; i++)
        {
            var offset = (long)(fatSectors[i] + 1) * sectorSize;
            if (offset + sectorSize > file.Length)
            {
                throw new InvalidDataException("A FAT sector lies outside the compound file.");
            }

            var words = ToUInt32s(file.AsSpan((int)offset, sectorSize));
            words.CopyTo(table, i * (sectorSize / 4));
        }

        return table;
    }

    private static List<CfbDirectoryEntry> ReadDirectory(byte[] data, bool version3)
    {
        var list = new List<CfbDirectoryEntry>();
        for (var offset = 0; offset + CfbConstants.DirectoryEntrySize <= data.Length; offset += CfbConstants.DirectoryEntrySize)
        {
            list.Add(CfbDirectoryEntry.Parse(data.AsSpan(offset, CfbConstants.DirectoryEntrySize), version3));
        }

        return list;
    }

    private static uint[] ToUInt32s(ReadOnlySpan<byte> bytes)
    {
        var words = new uint[bytes.Length / 4];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return words;
    }

    private ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(offset));

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
}
