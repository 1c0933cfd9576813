// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// A storage (directory) of a compound file: streams, child storages, and the metadata that
/// Windows Installer looks at (the CLSID tells a package from a transform or a patch).
/// </summary>
public sealed class CompoundStorage
{
    public CompoundStorage(string name)
    {
        CompoundName.Validate(name);
        Name = name;
    }

    /// <summary>The entry name; "Root Entry" for the root storage.</summary>
    public string Name { get; }

    public Guid Clsid { get; set; }

    public uint StateBits { get; set; }

    /// <summary>Creation time as a raw FILETIME (0 when not set).</summary>
    public long CreationTime { get; set; }

    /// <summary>Modification time as a raw FILETIME (0 when not set).</summary>
    public long ModifiedTime { get; set; }

    /// <summary>Streams in the order they were read or added (the file orders them itself).</summary>
    public IList<CompoundStreamEntry> Streams { get; } = new List<CompoundStreamEntry>();

    public IList<CompoundStorage> Storages { get; } = new List<CompoundStorage>();

    public CompoundStreamEntry? FindStream(string name) =>
        Streams.FirstOrDefault(s => CompoundName.Comparer.Compare(s.Name, name) == 0);

    public CompoundStorage? FindStorage(string name) =>
        Storages.FirstOrDefault(s => CompoundName.Comparer.Compare(s.Name, name) == 0);

    /// <summary>Replaces the content of the named stream, or adds the stream when it is absent.</summary>
    public CompoundStreamEntry SetStream(string name, byte[] data)
    {
        var existing = FindStream(name);
        if (existing is not null)
        {
            existing.Data = data;
            return existing;
        }

        if (FindStorage(name) is not null)
        {
            throw new InvalidOperationException($"A storage named '{name}' already exists.");
        }

        var stream = new CompoundStreamEntry(name, data);
        Streams.Add(stream);
        return stream;
    }

    /// <summary>Deep copy: streams share nothing with the original.</summary>
    public CompoundStorage Clone()
    {
        var copy = new CompoundStorage(Name)
        {
            Clsid = Clsid,
            StateBits = StateBits,
            CreationTime = CreationTime,
            ModifiedTime = ModifiedTime,
        };
        foreach (var stream in Streams)
        {
            copy.Streams.Add(new CompoundStreamEntry(stream.Name, (byte[])stream.Data.Clone()));
        }

        foreach (var storage in Storages)
        {
            copy.Storages.Add(storage.Clone());
        }

        return copy;
    }
}
