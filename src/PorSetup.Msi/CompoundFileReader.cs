// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// Reads a whole compound file (MS-CFB versions 3 and 4) into memory, every stream in full. Every count, size and
/// sector number in the file is checked before it is used, so a damaged or crafted file ends in a
/// <see cref="DamagedFileException"/>, and everything read together never takes more than the file's size.
/// </summary>
internal sealed class CompoundFileReader
{
    private readonly CfbSectors sectors;
    private readonly uint[] fat;
    private readonly CfbDirectory directory;
    private readonly CfbMiniStream miniStream;

    private CompoundFileReader(byte[] file)
    {
        var header = CfbHeader.Read(file);
        sectors = new CfbSectors(file, header.SectorSize, header.SectorSize);
        fat = CfbAllocationTable.Read(header, sectors);
        directory = CfbDirectory.Parse(Chain(FileDamage.Directory, "directory").ReadAll(header.FirstDirectorySector), header.IsVersion3);
        var miniFat = Chain(FileDamage.MiniStream, "mini FAT").ReadAll(header.FirstMiniFatSector);
        var root = directory.Root;
        miniStream = new CfbMiniStream(root.Size == 0 ? [] : Chain(FileDamage.MiniStream, "mini stream").Read(root.StartSector, root.Size), miniFat);
    }

    public static CompoundStorage Read(byte[] file)
    {
        var reader = new CompoundFileReader(file);
        var root = reader.BuildStorage(null, 0);
        reader.directory.RefuseUnreached();
        return root;
    }

    private CompoundStorage BuildStorage(CfbDirectoryEntry? storageEntry, int depth)
    {
        var entry = storageEntry ?? directory.Root;
        var storage = new CompoundStorage(storageEntry is null ? CfbConstants.RootName : entry.Name)
        {
            Clsid = entry.Clsid,
            StateBits = entry.StateBits,
            CreationTime = entry.CreationTime,
            ModifiedTime = entry.ModifiedTime,
        };

        foreach (var child in directory.Children(entry, depth))
        {
            if (child.Type == CfbConstants.TypeStream)
            {
                storage.Streams.Add(new CompoundStreamEntry(child.Name, ReadStream(child)));
            }
            else
            {
                storage.Storages.Add(BuildStorage(child, depth + 1));
            }
        }

        return storage;
    }

    private byte[] ReadStream(CfbDirectoryEntry entry)
    {
        var part = MsiStreamName.Decode(entry.Name, out _);
        return entry.Size == 0 ? []
            : entry.Size < CfbConstants.MiniStreamCutoff ? miniStream.Read(entry, part)
            : Chain(FileDamage.Stream, "stream", part).Read(entry.StartSector, entry.Size);
    }

    private CfbChain Chain(FileDamage damage, string name, string? part = null) => new(sectors, fat, damage, name, part);
}
