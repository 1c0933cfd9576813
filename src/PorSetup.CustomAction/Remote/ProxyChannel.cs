// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;

namespace PorSetup.CustomAction.Remote;

/// <summary>
/// The worker's end of the pipes to the proxy DLL (Native/Proxy.c), the type-1 custom action that msiexec calls.
/// The proxy starts this program with its standard input and output connected to two anonymous pipes, sends one
/// frame with the name of the action to run, then answers requests (<see cref="ProxyOperation"/>) until the worker
/// exits; the exit code is the action's result. A frame is a 32-bit little-endian byte count and that many bytes.
/// </summary>
internal sealed class ProxyChannel(Stream fromProxy, Stream toProxy)
{
    /// <summary>Larger frames are refused: no property or message of an MSI comes near it.</summary>
    public const int MaxFrameLength = 16 * 1024 * 1024;

    /// <summary>The first frame: the name of the custom action the proxy was called for.</summary>
    public string ReadActionName()
    {
        var frame = new FrameReader(ReadFrame());
        var name = frame.String();
        frame.End();
        return name;
    }

    /// <summary>Sends a request and returns the reply.</summary>
    public FrameReader Call(FrameWriter request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.WriteTo(toProxy);
        return new FrameReader(ReadFrame());
    }

    private byte[] ReadFrame()
    {
        Span<byte> header = stackalloc byte[sizeof(uint)];
        ReadExactly(header);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (length > MaxFrameLength)
        {
            throw new InvalidDataException($"The proxy sent a frame of {length} bytes (at most {MaxFrameLength}).");
        }

        var frame = new byte[length];
        ReadExactly(frame);
        return frame;
    }

    private void ReadExactly(Span<byte> buffer)
    {
        try
        {
            fromProxy.ReadExactly(buffer);
        }
        catch (EndOfStreamException exception)
        {
            throw new IOException("The custom action proxy closed the pipe.", exception);
        }
    }
}
