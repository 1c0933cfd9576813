// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.InteropServices;

namespace PorSetup.CustomAction.Remote;

/// <summary>
/// One end of an anonymous pipe, read or written with ReadFile and WriteFile, unbuffered. (FileStream would work
/// too, but brings its buffering and file strategies into the program for nothing: the worker is smaller without.)
/// </summary>
internal sealed unsafe partial class PipeHandleStream(nint handle, FileAccess access) : Stream
{
    private const int ErrorBrokenPipe = 109;

    public override bool CanRead => access == FileAccess.Read;

    public override bool CanWrite => access == FileAccess.Write;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <returns>The bytes read; 0 at the end, when the proxy has closed its end of the pipe.</returns>
    public override int Read(Span<byte> buffer)
    {
        fixed (byte* bytes = buffer)
        {
            if (ReadFile(handle, bytes, buffer.Length, out var read, 0))
            {
                return read;
            }
        }

        var error = Marshal.GetLastPInvokeError();
        return error == ErrorBrokenPipe ? 0 : throw new Win32CallException("ReadFile", (uint)error);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            fixed (byte* bytes = buffer)
            {
                if (!WriteFile(handle, bytes, buffer.Length, out var written, 0))
                {
                    throw new Win32CallException("WriteFile", (uint)Marshal.GetLastPInvokeError());
                }

                buffer = buffer[written..];
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool ReadFile(nint file, byte* buffer, int count, out int read, nint overlapped);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool WriteFile(nint file, byte* buffer, int count, out int written, nint overlapped);
}
