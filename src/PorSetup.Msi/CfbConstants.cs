// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>Fixed values of the compound file binary format (MS-CFB).</summary>
internal static class CfbConstants
{
    public const uint MaxRegularSector = 0xFFFFFFFA;
    public const uint DifatSector = 0xFFFFFFFC;
    public const uint FatSector = 0xFFFFFFFD;
    public const uint EndOfChain = 0xFFFFFFFE;
    public const uint FreeSector = 0xFFFFFFFF;
    public const uint NoStream = 0xFFFFFFFF;

    public const int HeaderDifatEntries = 109;
    public const int DirectoryEntrySize = 128;
    public const int MiniSectorSize = 64;
    public const int MiniStreamCutoff = 4096;

    public const byte TypeStorage = 1;
    public const byte TypeStream = 2;
    public const byte TypeRoot = 5;
    public const byte ColorRed = 0;
    public const byte ColorBlack = 1;

    public const string RootName = "Root Entry";

    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
}
