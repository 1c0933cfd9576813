// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>The part of a package or transform that a reader found damaged; a program says it in its user's words.</summary>
public enum FileDamage
{
    /// <summary>A header field holds a value no Windows Installer file has (version, sector size, mini-stream cutoff...).</summary>
    Header,

    /// <summary>The sector allocation table (FAT) or its index (DIFAT) loops, leaves the file or claims more than the file holds.</summary>
    AllocationTable,

    /// <summary>The directory of streams and storages: its chain, an entry, or the tree of entries.</summary>
    Directory,

    /// <summary>The mini stream, where streams under 4 KiB live, or its allocation table.</summary>
    MiniStream,

    /// <summary>One stream's sectors loop, are shared with another stream, or lie outside the file; or its size exceeds the file.</summary>
    Stream,

    /// <summary>The string table (_StringPool and _StringData).</summary>
    StringPool,

    /// <summary>The summary information property set.</summary>
    SummaryInformation,

    /// <summary>A table's stream does not hold whole rows or records.</summary>
    Table,
}
