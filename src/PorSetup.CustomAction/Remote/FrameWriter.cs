// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PorSetup.CustomAction.Remote;

/// <summary>
/// Builds one frame of the proxy protocol: 32-bit little-endian integers, and strings as a 32-bit count of UTF-16
/// code units followed by the units (no terminator, no conversion: every value arrives exactly as it was).
/// </summary>
internal sealed class FrameWriter
{
    private readonly ArrayBufferWriter<byte> frame = new();

    public FrameWriter()
    {
        frame.GetSpan(sizeof(uint)).Clear(); // the length, filled in by WriteTo
        frame.Advance(sizeof(uint));
    }

    public FrameWriter UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(frame.GetSpan(sizeof(uint)), value);
        frame.Advance(sizeof(uint));
        return this;
    }

    public FrameWriter Int32(int value) => UInt32(unchecked((uint)value));

    public FrameWriter String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        UInt32(checked((uint)value.Length));
        // UTF-16 in the machine's byte order, which is little-endian on every Windows the package targets (x64).
        frame.Write(MemoryMarshal.AsBytes(value.AsSpan()));
        return this;
    }

    /// <summary>Writes the frame, its length first, in one write, and flushes it to the pipe.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = MemoryMarshal.AsMemory(frame.WrittenMemory).Span;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, checked((uint)(bytes.Length - sizeof(uint))));
        stream.Write(bytes);
        stream.Flush();
    }
}
