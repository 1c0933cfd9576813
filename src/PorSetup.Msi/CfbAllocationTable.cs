// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;

namespace PorSetup.Msi;

/// <summary>
/// Reads the FAT (MS-CFB 2.3) from the sectors the DIFAT lists: the header's 109 entries, then the DIFAT chain,
/// whose sectors each end with the number of the next. FAT and DIFAT sectors are taken like any chain's.
/// </summary>
internal static class CfbAllocationTable
{
    public static uint[] Read(CfbHeader header, CfbSectors sectors)
    {
        var fatSectors = new List<uint>();
        for (var i = 0; i < CfbConstants.HeaderDifatEntries && fatSectors.Count < header.FatSectorCount; i++)
        {
            fatSectors.Add(header.HeaderDifat[i]);
        }

        var perDifatSector = (sectors.SectorSize / 4) - 1;
        var difat = header.FirstDifatSector;
        var difatSectors = 0u;
        while (fatSectors.Count < header.FatSectorCount)
        {
            if (++difatSectors > header.DifatSectorCount || !Take(sectors, difat))
            {
                throw Damaged($"DIFAT sector {difatSectors} (0x{difat:X8}) is not in the file, is taken twice, or is more than the header counts");
            }

            var words = sectors.Read(difat, sectors.SectorSize);
            for (var i = 0; i < perDifatSector && fatSectors.Count < header.FatSectorCount; i++)
            {
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(words[(i * 4)..]));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(words[(perDifatSector * 4)..]);
        }

        var perFatSector = sectors.SectorSize / 4;
        var table = new uint[fatSectors.Count * perFatSector];
        for (var i = 0; i < fatSectors.Count; i++)
        {
            if (!Take(sectors, fatSectors[i]))
            {
                throw Damaged($"FAT sector {i} (0x{fatSectors[i]:X8}) is not in the file or is taken twice");
            }

            var words = sectors.Read(fatSectors[i], sectors.SectorSize);
            for (var j = 0; j < perFatSector; j++)
            {
                table[(i * perFatSector) + j] = BinaryPrimitives.ReadUInt32LittleEndian(words[(j * 4)..]);
            }
        }

        return table;
    }

    private static bool Take(CfbSectors sectors, uint sector) => sectors.Holds(sector, sectors.SectorSize) && sectors.TryTake(sector);

    private static DamagedFileException Damaged(string detail) => new(FileDamage.AllocationTable, $"The allocation table of the compound file is broken: {detail}.");
}
