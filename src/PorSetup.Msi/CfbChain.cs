// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// Reads a chain of sectors (MS-CFB 2.3): each sector's entry in the allocation table names the next one.
/// Every sector is taken from <see cref="CfbSectors"/> before it is read, so a loop ends at its first repeat, and a
/// size is checked against the space before its buffer is allocated.
/// </summary>
internal sealed class CfbChain
{
    private readonly CfbSectors sectors;
    private readonly IReadOnlyList<uint> next;
    private readonly FileDamage damage;
    private readonly string name;
    private readonly string? part;

    /// <param name="name">The chain's name in the exception's detail.</param>
    /// <param name="part">The stream, for <see cref="DamagedFileException.Part"/>.</param>
    public CfbChain(CfbSectors sectors, IReadOnlyList<uint> next, FileDamage damage, string name, string? part = null)
    {
        this.sectors = sectors;
        this.next = next;
        this.damage = damage;
        this.name = name;
        this.part = part;
    }

    /// <summary>The first <paramref name="size"/> bytes of the chain from <paramref name="start"/>.</summary>
    public byte[] Read(uint start, long size)
    {
        var sectorSize = sectors.SectorSize;
        if (size < 0 || size > (long)sectors.Count * sectorSize)
        {
            throw Damaged($"it claims {size} bytes, more than the {sectors.Count} sectors there are");
        }

        var data = new byte[size];
        var sector = start;
        for (var offset = 0; offset < data.Length; offset += sectorSize)
        {
            var length = Math.Min(sectorSize, data.Length - offset);
            Take(sector, length).CopyTo(data.AsSpan(offset));
            sector = Next(sector, last: offset + sectorSize >= data.Length);
        }

        return data;
    }

    /// <summary>Every sector of the chain from <paramref name="start"/> up to its end-of-chain mark, each read whole.</summary>
    public byte[] ReadAll(uint start)
    {
        var chain = new List<uint>();
        for (var sector = start; sector != CfbConstants.EndOfChain; sector = Next(sector, last: false))
        {
            Take(sector, sectors.SectorSize);
            chain.Add(sector);
        }

        var data = new byte[chain.Count * sectors.SectorSize];
        for (var i = 0; i < chain.Count; i++)
        {
            sectors.Read(chain[i], sectors.SectorSize).CopyTo(data.AsSpan(i * sectors.SectorSize));
        }

        return data;
    }

    private ReadOnlySpan<byte> Take(uint sector, int length)
    {
        if (sector > CfbConstants.MaxRegularSector)
        {
            throw Damaged($"it ends early, at the mark 0x{sector:X8}");
        }

        if (!sectors.TryTake(sector) || !sectors.Holds(sector, length))
        {
            throw Damaged($"sector {sector} lies outside the file or belongs to another chain (or this one again)");
        }

        return sectors.Read(sector, length);
    }

    // The sector after the last one read is not looked up: the size, not the end mark, ends a stream.
    private uint Next(uint sector, bool last)
    {
        if (last)
        {
            return CfbConstants.EndOfChain;
        }

        return sector < next.Count ? next[(int)sector] : throw Damaged($"sector {sector} has no entry in the allocation table");
    }

    private DamagedFileException Damaged(string detail) => new(damage, $"The {name} chain of the compound file is broken: {detail}.", part);
}
