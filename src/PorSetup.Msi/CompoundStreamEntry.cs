// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>A stream inside a compound file storage: a name and its bytes.</summary>
public sealed class CompoundStreamEntry
{
    public CompoundStreamEntry(string name, byte[] data)
    {
        CompoundName.Validate(name);
        Name = name;
        Data = data ?? throw new ArgumentNullException(nameof(data));
    }

    public string Name { get; }

    /// <summary>The stream's content; replace it to change the stream.</summary>
#pragma warning disable CA1819 // A stream is a byte buffer; copying it on every access would only cost time.
    public byte[] Data { get; set; }
#pragma warning restore CA1819
}
