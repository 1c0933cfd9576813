// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;
using System.Text;
using PorSetup.Msi;

namespace PorSetup.Cli.Tests;

/// <summary>
/// Writes a root storage's streams as a version 4 compound file (4096-byte sectors), which the tool's writer never
/// makes but other tools may: one FAT sector, the directory, the mini FAT and mini stream, then each large stream.
/// Siblings hang as a sorted chain of right children, all black, which readers accept as a sibling tree.
/// </summary>
internal static class Version4File
{
    private const int SectorSize = 4096;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSectorMark = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;

    public static byte[] Write(CompoundStorage root)
    {
        var streams = root.Streams.OrderBy(s => s.Name, Comparer<string>.Create(SiblingOrder)).ToList();
        var mini = new MemoryStream();
        var miniFat = new List<uint>();
        var miniStart = new Dictionary<CompoundStreamEntry, uint>();
        foreach (var stream in streams.Where(s => s.Data.Length is > 0 and < 4096))
        {
            var first = (uint)miniFat.Count;
            var count = (stream.Data.Length + 63) / 64;
            miniFat.AddRange(Enumerable.Range(1, count).Select(i => i == count ? EndOfChain : first + (uint)i));
            mini.Write(stream.Data);
            mini.Write(new byte[(count * 64) - stream.Data.Length]);
            miniStart[stream] = first;
        }

        var fat = new List<uint> { FatSectorMark };
        var directory = Allocate(fat, (streams.Count + 1) * 128);
        var miniFatStart = Allocate(fat, miniFat.Count * 4);
        var miniStreamStart = Allocate(fat, (int)mini.Length);
        var bigStart = streams.Where(s => s.Data.Length >= 4096).ToDictionary(s => s, s => Allocate(fat, s.Data.Length));
        if (fat.Count > SectorSize / 4)
        {
            throw new InvalidOperationException("This writer holds its FAT in one sector: 4 MiB at most.");
        }

        var file = new byte[(fat.Count + 1) * SectorSize];
        WriteHeader(file, directory, (streams.Count + 1 + 31) / 32, miniFatStart, ((miniFat.Count * 4) + SectorSize - 1) / SectorSize);
        for (var i = 0; i < SectorSize / 4; i++)
        {
            Put(file, SectorSize + (i * 4), i < fat.Count ? fat[i] : NoStream);
        }

        var entries = Offset(directory);
        WriteEntry(file, entries, "Root Entry", 5, root.Clsid, streams.Count > 0 ? 1u : NoStream, NoStream, miniStreamStart, (ulong)mini.Length);
        for (var i = 0; i < streams.Count; i++)
        {
            var stream = streams[i];
            var start = stream.Data.Length == 0 ? EndOfChain : stream.Data.Length < 4096 ? miniStart[stream] : bigStart[stream];
            WriteEntry(file, entries + ((i + 1) * 128), stream.Name, 2, Guid.Empty, NoStream, i + 1 < streams.Count ? (uint)(i + 2) : NoStream, start, (ulong)stream.Data.Length);
        }

        for (var i = (streams.Count + 1) * 128; i % SectorSize != 0; i += 128)
        {
            WriteEntry(file, entries + i, "", 0, Guid.Empty, NoStream, NoStream, 0, 0);
        }

        for (var i = 0; i < miniFat.Count; i++)
        {
            Put(file, Offset(miniFatStart) + (i * 4), miniFat[i]);
        }

        if (mini.Length > 0)
        {
            mini.ToArray().CopyTo(file, Offset(miniStreamStart));
        }
        foreach (var (stream, start) in bigStart)
        {
            stream.Data.CopyTo(file, Offset(start));
        }

        return file;
    }

    // Consecutive sectors for a chain of this many bytes; EndOfChain when it needs none.
    private static uint Allocate(List<uint> fat, int bytes)
    {
        var count = (bytes + SectorSize - 1) / SectorSize;
        var first = (uint)fat.Count;
        fat.AddRange(Enumerable.Range(1, count).Select(i => i == count ? EndOfChain : first + (uint)i));
        return count == 0 ? EndOfChain : first;
    }

    private static int Offset(uint sector) => (int)(sector + 1) * SectorSize;

    private static void WriteHeader(byte[] file, uint directory, int directorySectors, uint miniFatStart, int miniFatSectors)
    {
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(file, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(24), 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(26), 4);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(28), 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(30), 12);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(32), 6);
        Put(file, 40, (uint)directorySectors);
        Put(file, 44, 1);
        Put(file, 48, directory);
        Put(file, 56, 4096);
        Put(file, 60, miniFatStart);
        Put(file, 64, (uint)miniFatSectors);
        Put(file, 68, EndOfChain);
        Put(file, 76, 0);
        for (var i = 1; i < 109; i++)
        {
            Put(file, 76 + (i * 4), NoStream);
        }
    }

    private static void WriteEntry(byte[] file, int offset, string name, byte type, Guid clsid, uint child, uint right, uint start, ulong size)
    {
        Encoding.Unicode.GetBytes(name).CopyTo(file, offset);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(offset + 64), (ushort)(name.Length == 0 ? 0 : (name.Length + 1) * 2));
        file[offset + 66] = type;
        file[offset + 67] = 1;
        Put(file, offset + 68, NoStream);
        Put(file, offset + 72, right);
        Put(file, offset + 76, child);
        clsid.TryWriteBytes(file.AsSpan(offset + 80, 16));
        Put(file, offset + 116, start);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(offset + 120), size);
    }

    private static void Put(byte[] file, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(offset), value);

    // MS-CFB 2.6.4: shorter names first, then upper-cased code units.
    private static int SiblingOrder(string? x, string? y) =>
        x!.Length != y!.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x.ToUpperInvariant(), y.ToUpperInvariant());
}
