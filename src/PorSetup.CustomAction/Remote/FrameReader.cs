// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PorSetup.CustomAction.Remote;

/// <summary>Reads the fields of one frame, in the format <see cref="FrameWriter"/> writes.</summary>
internal sealed class FrameReader(byte[] frame)
{
    private int position;

    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(sizeof(uint)));

    public int Int32() => unchecked((int)UInt32());

    public string String()
    {
        var length = UInt32();
        if (length > (frame.Length - position) / sizeof(char))
        {
            throw new InvalidDataException($"The proxy sent a string of {length} characters in a frame with {frame.Length - position} bytes left.");
        }

        return new string(MemoryMarshal.Cast<byte, char>(Take((int)length * sizeof(char))));
    }

    /// <summary>Fails when the frame has bytes that no field read: the two sides disagree about the protocol.</summary>
    public void End()
    {
        if (position != frame.Length)
        {
            throw new InvalidDataException($"The proxy's frame has {frame.Length - position} unread bytes.");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > frame.Length - position)
        {
            throw new InvalidDataException($"The proxy's frame ended early ({frame.Length} bytes).");
        }

        var span = frame.AsSpan(position, count);
        position += count;
        return span;
    }
}
