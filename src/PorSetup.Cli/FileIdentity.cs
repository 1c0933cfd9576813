// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PorSetup.Cli;

/// <summary>
/// Whether two paths name one file, asked of the file system rather than read from the paths: an 8.3 name, \\?\,
/// \\localhost\c$, a subst drive, a hard link or a symbolic link all spell one file in ways no comparison of strings
/// can see. Windows: the volume serial number and the file index of GetFileInformationByHandle; BY_HANDLE_FILE_INFORMATION
/// (https://learn.microsoft.com/windows/win32/api/fileapi/ns-fileapi-by_handle_file_information): "To determine
/// whether two open handles represent the same file, combine the identifier and the volume serial number for each
/// file and compare them." (On ReFS two files may share the 64-bit index, the same page says: then an output is
/// refused that need not be, never the other way round.) Linux: the device and the inode number of stat(2).
/// </summary>
public static partial class FileIdentity
{
    /// <summary>True when both paths exist and name the same file, whichever links, drives or spellings lead to it.</summary>
    public static bool Same(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!OperatingSystem.IsWindows() && !OperatingSystem.IsLinux())
        {
            // Elsewhere (macOS has another struct stat): the resolved paths, which see symbolic links but not hard links.
            return File.Exists(first) && string.Equals(Resolved(first), Resolved(second), StringComparison.Ordinal);
        }

        var identity = OperatingSystem.IsWindows() ? OfWindowsFile(first) : OfLinuxFile(first);
        var other = OperatingSystem.IsWindows() ? OfWindowsFile(second) : OfLinuxFile(second);
        if (identity is null || other is null)
        {
            // One of them is missing, or its file system gave no identity: then the full paths, as before.
            return File.Exists(first) && string.Equals(Path.GetFullPath(first), Path.GetFullPath(second), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        return identity == other;
    }

    private static string Resolved(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    // (volume, file) of an existing file, or null when there is none (or it cannot be asked about: then it cannot be
    // replaced either, and writing it fails with its own error).
    private static (ulong Volume, ulong File)? OfWindowsFile(string path)
    {
        // FILE_READ_ATTRIBUTES with every sharing mode: opened whoever has the file open, changing nothing.
        using var handle = CreateFile(path, FileReadAttributes, FileShareAll, 0, OpenExisting, 0, 0);
        if (handle.IsInvalid || !GetFileInformationByHandle(handle, out var information))
        {
            return null;
        }

        return (information.VolumeSerialNumber, ((ulong)information.FileIndexHigh << 32) | information.FileIndexLow);
    }

    private static (ulong Volume, ulong File)? OfLinuxFile(string path)
    {
        // struct stat of the 64-bit Linux ABIs (x86-64 and the generic one of arm64): st_dev, then st_ino, 8 bytes each.
        var buffer = new byte[256];
        var name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        int result;
        try
        {
            result = Stat(name, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports stat only as __xstat, with the struct's version first (1 on x86-64, 0 on arm64).
            result = XStat(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0, name, buffer);
        }

        return result != 0 ? null : (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8));
    }

    private const uint FileReadAttributes = 0x80;
    private const uint FileShareAll = 0x1 | 0x2 | 0x4;
    private const uint OpenExisting = 3;

    // FILETIMEs are two DWORDs: the structure is 4-byte aligned.
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct ByHandleFileInformation
    {
        public uint FileAttributes;
        public long CreationTime;
        public long LastAccessTime;
        public long LastWriteTime;
        public uint VolumeSerialNumber;
        public uint FileSizeHigh;
        public uint FileSizeLow;
        public uint NumberOfLinks;
        public uint FileIndexHigh;
        public uint FileIndexLow;
    }

    [DllImport("kernel32.dll", EntryPoint = "CreateFileW", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern SafeFileHandle CreateFile(string name, uint access, uint share, nint security, uint disposition, uint flags, nint template);

    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool GetFileInformationByHandle(SafeFileHandle file, out ByHandleFileInformation information);

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat(byte[] path, byte[] buffer);

    [DllImport("libc", EntryPoint = "__xstat", SetLastError = true)]
    private static extern int XStat(int version, byte[] path, byte[] buffer);
}
