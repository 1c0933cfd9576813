// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;

namespace PorSetup.Msi;

/// <summary>
/// The compound file header (MS-CFB 2.2), checked: every field that has one legal value for a Windows Installer
/// file must have it, and every count must fit in the file, before anything is allocated from it.
/// </summary>
internal sealed class CfbHeader
{
    private const int Size = 512;

    private CfbHeader(byte[] file)
    {
        IsVersion3 = U16(file, 26) == 3;
        SectorSize = 1 << U16(file, 30);
        FatSectorCount = U32(file, 44);
        FirstDirectorySector = U32(file, 48);
        FirstMiniFatSector = U32(file, 60);
        MiniFatSectorCount = U32(file, 64);
        FirstDifatSector = U32(file, 68);
        DifatSectorCount = U32(file, 72);
        var difat = new uint[CfbConstants.HeaderDifatEntries];
        for (var i = 0; i < difat.Length; i++)
        {
            difat[i] = U32(file, 76 + (i * 4));
        }

        HeaderDifat = difat;
    }

    /// <summary>Version 3 (512-byte sectors) rather than 4 (4096-byte sectors).</summary>
    public bool IsVersion3 { get; }

    public int SectorSize { get; }

    public uint FatSectorCount { get; }

    public uint FirstDirectorySector { get; }

    public uint FirstMiniFatSector { get; }

    public uint MiniFatSectorCount { get; }

    public uint FirstDifatSector { get; }

    public uint DifatSectorCount { get; }

    /// <summary>The first 109 FAT sector numbers, kept in the header itself.</summary>
    public IReadOnlyList<uint> HeaderDifat { get; }

    public static CfbHeader Read(byte[] file)
    {
        if (file.Length < Size || !file.AsSpan(0, 8).SequenceEqual(CfbConstants.Signature))
        {
            throw Damaged("the signature is missing");
        }

        var major = U16(file, 26);
        var sectorShift = U16(file, 30);
        Require((major == 3 && sectorShift == 9) || (major == 4 && sectorShift == 12), $"version {major} with sector shift {sectorShift}");
        Require(U16(file, 28) == 0xFFFE, "the byte order mark is not 0xFFFE");
        Require(U16(file, 32) == 6, $"the mini sector shift is {U16(file, 32)}, not 6");

        // Streams under the cutoff live in the mini stream; any other cutoff would send a 2 GiB stream there.
        Require(U32(file, 56) == CfbConstants.MiniStreamCutoff, $"the mini-stream cutoff is {U32(file, 56)}, not {CfbConstants.MiniStreamCutoff}");
        Require(major == 4 || U32(file, 40) == 0, "a version 3 header counts directory sectors");

        var header = new CfbHeader(file);
        var sectors = SectorCount(file.Length, header.SectorSize);
        Require(header.FatSectorCount is > 0 && header.FatSectorCount <= sectors, $"{header.FatSectorCount} FAT sectors in a file of {sectors} sectors");
        Require(header.DifatSectorCount <= sectors, $"{header.DifatSectorCount} DIFAT sectors in a file of {sectors} sectors");
        Require(header.MiniFatSectorCount <= sectors, $"{header.MiniFatSectorCount} mini FAT sectors in a file of {sectors} sectors");
        return header;
    }

    // Sectors after the header that start inside a file of this length (the last one may be cut short).
    private static long SectorCount(long length, int sectorSize) => Math.Max(0, (length - 1) / sectorSize);

    private static void Require(bool condition, string detail)
    {
        if (!condition)
        {
            throw Damaged(detail);
        }
    }

    private static DamagedFileException Damaged(string detail) => new(FileDamage.Header, $"The compound file header is damaged: {detail}.");

    private static ushort U16(byte[] file, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(offset));

    private static uint U32(byte[] file, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
}
