// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;

namespace PorSetup.Msi;

/// <summary>
/// The mini stream (MS-CFB 2.4): the root entry's stream, cut into 64-byte sectors that hold every stream under the
/// 4096-byte cutoff, chained by the mini FAT. Mini sectors, like the file's, belong to one chain each.
/// </summary>
internal sealed class CfbMiniStream
{
    private readonly CfbSectors sectors;
    private readonly uint[] miniFat;

    public CfbMiniStream(byte[] stream, byte[] miniFatBytes)
    {
        sectors = new CfbSectors(stream, 0, CfbConstants.MiniSectorSize);
        miniFat = new uint[miniFatBytes.Length / 4];
        for (var i = 0; i < miniFat.Length; i++)
        {
            miniFat[i] = BinaryPrimitives.ReadUInt32LittleEndian(miniFatBytes.AsSpan(i * 4));
        }
    }

    public byte[] Read(CfbDirectoryEntry entry, string part) =>
        new CfbChain(sectors, miniFat, FileDamage.Stream, "mini stream", part).Read(entry.StartSector, entry.Size);
}
