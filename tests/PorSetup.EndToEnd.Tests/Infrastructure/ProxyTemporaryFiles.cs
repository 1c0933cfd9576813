// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What PorSetup's custom action leaves in a temporary folder on the local machine, told apart from what other
/// programs and other tests put there: %TEMP% is shared (other test classes run in parallel and make their own
/// porsetup-signing-*, porsetup-crt-* folders; other installers make msi*.tmp files), and Windows' file names
/// compare case-insensitively, so a pattern such as "PorSetup-*" also matches theirs.
/// </summary>
public static class ProxyTemporaryFiles
{
    /// <summary>How the proxy names its worker's folder (Proxy.c, CreateWorkerFolder): this, then 16 hex digits.</summary>
    public const string WorkerFolderPrefix = "PorSetup-";

    private static readonly SearchValues<char> WorkerFolderDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>
    /// Exactly a name the proxy writes: "PorSetup-" and 16 lowercase hexadecimal digits (Proxy.c's HexDigits),
    /// compared case-sensitively, so that no other test's or program's folder matches.
    /// </summary>
    public static bool IsWorkerFolderName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == WorkerFolderPrefix.Length + 16
            && name.StartsWith(WorkerFolderPrefix, StringComparison.Ordinal)
            && name.AsSpan(WorkerFolderPrefix.Length).IndexOfAnyExcept(WorkerFolderDigits) < 0;
    }

    /// <summary>msi*.tmp, as Windows Installer names the copy of a custom action's DLL (and other files of its own).</summary>
    public static bool IsInstallerTemporaryFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length >= "msi.tmp".Length
            && name.StartsWith("msi", StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The proxy DLLs this run's packages embed, those that exist: the shipped one and the test builds of
    /// <see cref="TestPackages"/>. Windows Installer copies the Binary stream as it is, so a copy is byte-identical.
    /// </summary>
    public static IReadOnlyList<string> KnownProxies() =>
        [.. new[] { TestArtifacts.CustomActionDllPath }.Concat(TestPackages.TestProxies).Where(File.Exists)];

    /// <summary>
    /// True for what the custom action leaves: a worker folder, or an msi*.tmp file byte-identical to one of the
    /// proxies. A file that cannot be read (another installer holds it) is not counted as one.
    /// </summary>
    public static bool IsProxysOwn(string entry, IReadOnlyList<string> proxies)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(entry));
        return Directory.Exists(entry)
            ? IsWorkerFolderName(name)
            : IsInstallerTemporaryFileName(name) && IsCopyOfAny(entry, proxies);
    }

    /// <summary>Whether file has exactly the bytes of one of originals; false when any of them cannot be read.</summary>
    public static bool IsCopyOfAny(string file, IReadOnlyList<string> originals)
    {
        ArgumentNullException.ThrowIfNull(originals);
        try
        {
            var length = new FileInfo(file).Length;
            return originals.Any(original => new FileInfo(original).Length == length && SameBytes(file, original));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool SameBytes(string first, string second)
    {
        // Shared for reading, writing and deleting: a copy Windows Installer has loaded stays readable.
        using var a = new FileStream(first, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var b = new FileStream(second, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bufferA = new byte[81920];
        var bufferB = new byte[81920];
        while (true)
        {
            var read = a.ReadAtLeast(bufferA, bufferA.Length, throwOnEndOfStream: false);
            if (read != b.ReadAtLeast(bufferB, bufferB.Length, throwOnEndOfStream: false)
                || !bufferA.AsSpan(0, read).SequenceEqual(bufferB.AsSpan(0, read)))
            {
                return false;
            }

            if (read == 0)
            {
                return true;
            }
        }
    }
}
