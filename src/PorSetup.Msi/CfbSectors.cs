// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// A space of sectors, the file's or the mini stream's, and who holds each: a sector belongs to one chain only
/// (MS-CFB gives each sector one owner), so a chain that loops, or runs into another, is caught at the first sector
/// it takes twice, and all the chains together never read more than the space holds.
/// </summary>
internal sealed class CfbSectors
{
    private readonly byte[] bytes;
    private readonly int firstOffset;
    private readonly bool[] taken;

    /// <param name="bytes">What holds the sectors.</param>
    /// <param name="firstOffset">Where sector 0 starts: after the header in the file, at 0 in the mini stream.</param>
    public CfbSectors(byte[] bytes, int firstOffset, int sectorSize)
    {
        this.bytes = bytes;
        this.firstOffset = firstOffset;
        SectorSize = sectorSize;
        taken = new bool[Math.Max(0, (bytes.Length - firstOffset + sectorSize - 1) / sectorSize)];
    }

    public int SectorSize { get; }

    /// <summary>Sectors that start inside the bytes (the last one may be cut short).</summary>
    public int Count => taken.Length;

    /// <summary>Takes a sector for a chain; false when it lies outside or another chain (or this one) already has it.</summary>
    public bool TryTake(uint sector)
    {
        if (sector >= taken.Length || taken[sector])
        {
            return false;
        }

        taken[sector] = true;
        return true;
    }

    /// <summary>Whether the first <paramref name="length"/> bytes of a sector lie inside the bytes.</summary>
    public bool Holds(uint sector, int length) => firstOffset + ((long)sector * SectorSize) + length <= bytes.Length;

    /// <summary>The first <paramref name="length"/> bytes of a sector that <see cref="Holds"/> them.</summary>
    public ReadOnlySpan<byte> Read(uint sector, int length) => bytes.AsSpan(firstOffset + ((int)sector * SectorSize), length);
}
