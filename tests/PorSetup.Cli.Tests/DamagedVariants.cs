// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;

namespace PorSetup.Cli.Tests;

/// <summary>One damaged copy of a file: what was done to it, and whether a reader that accepts it must see the original.</summary>
/// <param name="KeepsContent">
/// True when the damage cannot leave a readable file that says something else (a loop, a sector outside the file, a
/// header field): accepted, it must read exactly as the original. False when the file may stay sound with other
/// content (a stream's size, a string's length, a table's byte).
/// </param>
internal sealed record DamagedVariant(string Description, bool KeepsContent, byte[] Bytes);

/// <summary>
/// A seeded generator of damaged copies of a sound compound file: truncated at its structures' boundaries, chains
/// that loop, cross or leave the file, sizes and header fields at their extremes, string pool and summary counts at
/// theirs. The same seed gives the same copies, so a failure can be replayed.
/// </summary>
internal sealed class DamagedVariants(byte[] original, Random random)
{
    private static readonly uint[] Extremes = [0, 1, 0x7FFF, 0xFFFF, int.MaxValue, 0x80000000, 0xFFFFFFFA, 0xFFFFFFFC, 0xFFFFFFFD, 0xFFFFFFFE, uint.MaxValue];

    // Header fields (offset, width) of MS-CFB 2.2, from the minor version to the first DIFAT entries.
    private static readonly (int Offset, int Width)[] HeaderFields =
        [(24, 2), (26, 2), (28, 2), (30, 2), (32, 2), (34, 2), (36, 4), (40, 4), (44, 4), (48, 4), (52, 4), (56, 4), (60, 4), (64, 4), (68, 4), (72, 4), (76, 4), (80, 4), (84, 4)];

    private readonly CompoundLayout layout = new(original);

    public IEnumerable<DamagedVariant> All(int perStream) =>
        Truncations().Concat(Chains(perStream)).Concat(Sizes(perStream)).Concat(Header()).Concat(Directory(perStream))
            .Concat(StringPool(perStream)).Concat(Summary(perStream)).Concat(Tables(perStream));

    /// <summary>Cut at every boundary of a structure: header, FAT, DIFAT, directory, mini FAT, and each stream's first and last sector.</summary>
    public IEnumerable<DamagedVariant> Truncations()
    {
        var sectors = layout.FatSectors.Concat(layout.DifatSectors).Concat(layout.DirectorySectors).Concat(layout.MiniFatSectors)
            .Concat(layout.MiniStreamSectors.Take(1)).Concat(layout.MiniStreamSectors.TakeLast(1))
            .Concat(layout.Streams.Where(e => !e.IsMini && e.Size > 0).SelectMany(e => new[] { layout.Chain(e.Start)[0], layout.Chain(e.Start)[^1] }));
        var lengths = sectors.SelectMany(s => new[] { layout.SectorOffset(s), layout.SectorOffset(s) + layout.SectorSize - 1 })
            .Concat([0, 8, 511, 512, layout.SectorSize, original.Length - 1])
            .Where(l => l < original.Length).Distinct().Order();
        return lengths.Select(l => new DamagedVariant($"truncated to {l} bytes", true, original[..(int)l]));
    }

    /// <summary>A chain's link pointed at itself, back at its start, outside the file, at a special mark, or into another chain.</summary>
    public IEnumerable<DamagedVariant> Chains(int perChain)
    {
        var chains = new List<(string Name, List<uint> Sectors, bool Mini)>
        {
            ("directory", layout.DirectorySectors, false),
            ("mini FAT", layout.MiniFatSectors, false),
            ("mini stream", layout.MiniStreamSectors, false),
        };
        chains.AddRange(layout.Streams.Where(e => e.Size > 0).Select(e => (e.Name, layout.StreamChain(e), e.IsMini)));
        foreach (var (name, sectors, mini) in chains.Where(c => c.Sectors.Count > 0))
        {
            var others = chains.Where(c => c.Mini == mini && c.Sectors.Count > 0 && c.Sectors != sectors).Select(c => c.Sectors[0]).ToList();
            for (var i = 0; i < perChain; i++)
            {
                var position = random.Next(sectors.Count);
                var sector = sectors[position];
                var count = mini ? (uint)layout.MiniFat.Length : (uint)layout.SectorCount;
                uint[] targets = [sector, sectors[0], count, count + (uint)random.Next(1, 1 << 20), 0xFFFFFFFA, 0xFFFFFFFC, 0xFFFFFFFD, uint.MaxValue, others.Count > 0 ? others[random.Next(others.Count)] : sector, mini ? sector : layout.FatSectors[0]];
                var target = targets[random.Next(targets.Length)];
                var bytes = (byte[])original.Clone();
                Put32(bytes, mini ? layout.MiniFatEntryOffset(sector) : layout.FatEntryOffset(sector), target);
                yield return new($"{name} chain: {(mini ? "mini " : "")}sector {sector} (link {position + 1} of {sectors.Count}) points at 0x{target:X8}", true, bytes);
            }
        }
    }

    /// <summary>A stream's size at 0, around its own, around the cutoff, and at 2^31-1, 2^32-1 and 2^64-1.</summary>
    public IEnumerable<DamagedVariant> Sizes(int perStream)
    {
        foreach (var entry in layout.Entries.Where(e => e.Type is 2 or 5))
        {
            ulong[] sizes = [0, 1, entry.Size - 1UL, entry.Size + 1UL, 4095, 4096, int.MaxValue, uint.MaxValue, ulong.MaxValue, (1UL << 32) + entry.Size, (ulong)original.Length];
            foreach (var size in sizes.OrderBy(_ => random.Next()).Take(perStream))
            {
                var bytes = (byte[])original.Clone();
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(entry.Offset + CompoundLayout.Entry.SizeField), size);
                yield return new($"{Named(entry)} size {size}", false, bytes);
            }
        }
    }

    /// <summary>Each header field at every extreme (the fields a reader ignores must change nothing).</summary>
    public IEnumerable<DamagedVariant> Header()
    {
        foreach (var (offset, width) in HeaderFields)
        {
            var current = width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(original.AsSpan(offset)) : BinaryPrimitives.ReadUInt32LittleEndian(original.AsSpan(offset));
            foreach (var value in Extremes.Append(current + 1).Append(current - 1).Select(v => width == 2 ? v & 0xFFFF : v).Where(v => v != current).Distinct())
            {
                var bytes = (byte[])original.Clone();
                if (width == 2)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), (ushort)value);
                }
                else
                {
                    Put32(bytes, offset, value);
                }

                // A sector number moved to another sector of the file may land on data that reads as sound.
                var sectorNumber = offset is 48 or 60 or 68 or >= 76;
                yield return new($"header field at {offset} set to 0x{value:X}", !sectorNumber, bytes);
            }
        }
    }

    /// <summary>A directory entry's links at itself, the root, or past the directory; its type or name length at extremes.</summary>
    public IEnumerable<DamagedVariant> Directory(int perEntry)
    {
        var count = (uint)layout.Entries.Count;
        foreach (var entry in layout.Entries.Where(e => e.Type is 2 or 5))
        {
            for (var i = 0; i < perEntry; i++)
            {
                var bytes = (byte[])original.Clone();
                var field = new[] { CompoundLayout.Entry.LeftField, CompoundLayout.Entry.RightField, CompoundLayout.Entry.ChildField }[random.Next(3)];
                uint[] links = [(uint)entry.Index, 0, count, count + (uint)random.Next(1 << 20), 0xFFFFFFFE];
                var link = links[random.Next(links.Length)];
                Put32(bytes, entry.Offset + field, link);
                yield return new($"{Named(entry)} link at {field} set to {link}", true, bytes);

                bytes = (byte[])original.Clone();
                byte[] types = [0, 1, 3, 5, 0xFF];
                ushort[] nameLengths = [0, 1, 2, 63, 65, 66, 0xFFFF];
                var what = random.Next(3);
                var description = what switch
                {
                    0 => Set(bytes, entry.Offset + 66, types[random.Next(types.Length)], "type"),
                    1 => Set16(bytes, entry.Offset + 64, nameLengths[random.Next(nameLengths.Length)], "name length"),
                    _ => Set32(bytes, entry.Offset + field, uint.MaxValue, $"link at {field}"),
                };
                yield return new($"{Named(entry)} {description}", false, bytes);
            }
        }
    }

    /// <summary>The string pool's code page and entries at their extremes, and long-string markers with extreme lengths.</summary>
    public IEnumerable<DamagedVariant> StringPool(int count)
    {
        if (layout.Streams.FirstOrDefault(e => e.Name == "_StringPool") is not { Size: >= 8 } pool)
        {
            yield break;
        }

        uint[] codePages = [0xFFFF, int.MaxValue, uint.MaxValue, 65001, 0x80000000, 0x8000FFFF, 12345];
        foreach (var codePage in codePages)
        {
            yield return Stream(pool, 0, codePage, $"string pool code page 0x{codePage:X}");
        }

        for (var i = 0; i < count; i++)
        {
            var entry = 4 + (4 * random.Next((int)(pool.Size / 4) - 1));
            uint[] values = [0xFFFF, 0xFFFF_FFFF, 0x0000_FFFF, 0xFFFF_0000, 0x0001_0000];
            yield return Stream(pool, entry, values[random.Next(values.Length)], $"string pool entry at {entry}");
            if (entry + 8 <= pool.Size)
            {
                var bytes = Stream(pool, entry, 0x0001_0000, "").Bytes;
                var length = Extremes[random.Next(Extremes.Length)];
                Put32(bytes, layout.StreamByteOffset(pool, entry + 4), length);
                yield return new($"string pool long string at {entry} of {length} bytes", false, bytes);
            }
        }
    }

    /// <summary>The summary information's section offset, size, count and property offsets at their extremes.</summary>
    public IEnumerable<DamagedVariant> Summary(int count)
    {
        if (layout.Streams.FirstOrDefault(e => e.Name == "\u0005SummaryInformation") is not { Size: >= 56 } summary)
        {
            yield break;
        }

        foreach (var field in new[] { 44, 48, 52 })
        {
            foreach (var value in Extremes)
            {
                yield return Stream(summary, field, value, $"summary field at {field}");
            }
        }

        for (var i = 0; i < count; i++)
        {
            var field = 56 + (4 * random.Next((int)((summary.Size - 56) / 4)));
            var value = Extremes[random.Next(Extremes.Length)];
            yield return Stream(summary, field, value, $"summary word at {field}");
        }
    }

    /// <summary>A word of a table stream (a cell, a transform record's mask) at an extreme.</summary>
    public IEnumerable<DamagedVariant> Tables(int count)
    {
        var tables = layout.Streams.Where(e => e.Size >= 4 && e.Name is not ("_StringPool" or "\u0005SummaryInformation") && e.Size < 1 << 16).ToList();
        for (var i = 0; i < count && tables.Count > 0; i++)
        {
            var table = tables[random.Next(tables.Count)];
            var offset = random.Next((int)table.Size - 3);
            var value = Extremes[random.Next(Extremes.Length)];
            var bytes = (byte[])original.Clone();
            for (var b = 0; b < 4; b++)
            {
                bytes[layout.StreamByteOffset(table, offset + b)] = (byte)(value >> (8 * b));
            }

            yield return new($"{Named(table)} bytes at {offset} set to 0x{value:X8}", false, bytes);
        }
    }

    private static void Put32(byte[] bytes, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);

    private static string Set(byte[] bytes, int offset, byte value, string what)
    {
        bytes[offset] = value;
        return $"{what} set to {value}";
    }

    private static string Set16(byte[] bytes, int offset, ushort value, string what)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), value);
        return $"{what} set to {value}";
    }

    private static string Set32(byte[] bytes, int offset, uint value, string what)
    {
        Put32(bytes, offset, value);
        return $"{what} set to 0x{value:X8}";
    }

    private static string Named(CompoundLayout.Entry entry) => $"entry {entry.Index} ({entry.Name.Replace("\u0005", "\\u0005", StringComparison.Ordinal)})";

    // A word written into a stream where it lies in the file, its sectors followed (4 bytes may straddle two).
    private DamagedVariant Stream(CompoundLayout.Entry entry, int offset, uint value, string description)
    {
        var bytes = (byte[])original.Clone();
        for (var b = 0; b < 4; b++)
        {
            bytes[layout.StreamByteOffset(entry, offset + b)] = (byte)(value >> (8 * b));
        }

        return new($"{description} set to 0x{value:X8}", false, bytes);
    }
}
