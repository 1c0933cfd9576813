// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;
using System.Text;

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// The proxy protocol's frames written and read byte by byte, independently of the product's FrameWriter and
/// FrameReader, as Native/Proxy.c sees them: a 32-bit little-endian length, then 32-bit little-endian integers and
/// strings as a 32-bit count of UTF-16LE code units followed by the units.
/// </summary>
internal static class WireFrames
{
    /// <summary>One frame holding the fields in order: uint, int or string.</summary>
    public static byte[] Frame(params object[] fields)
    {
        var body = new List<byte>();
        foreach (var field in fields)
        {
            switch (field)
            {
                case uint value:
                    body.AddRange(UInt32(value));
                    break;
                case int value:
                    body.AddRange(UInt32(unchecked((uint)value)));
                    break;
                case string value:
                    body.AddRange(UInt32((uint)value.Length));
                    body.AddRange(Encoding.Unicode.GetBytes(value));
                    break;
                default:
                    throw new ArgumentException($"No wire format for {field.GetType()}.", nameof(fields));
            }
        }

        return [.. UInt32((uint)body.Count), .. body];
    }

    /// <summary>The bodies of the frames in a byte stream, in order (lengths checked).</summary>
    public static List<byte[]> Split(byte[] stream)
    {
        var frames = new List<byte[]>();
        var position = 0;
        while (position < stream.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(position));
            frames.Add(stream.AsSpan(position + 4, length).ToArray());
            position += 4 + length;
        }

        Assert.Equal(stream.Length, position);
        return frames;
    }

    /// <summary>The body of a frame as <see cref="Frame"/> would have built it from these fields.</summary>
    public static byte[] Body(params object[] fields) => Frame(fields)[4..];

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
