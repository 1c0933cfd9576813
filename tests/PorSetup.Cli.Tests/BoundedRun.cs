// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;

namespace PorSetup.Cli.Tests;

/// <summary>
/// One in-process run of the command line with what it cost: the bytes it allocated on this thread (the commands
/// run synchronously on the caller's thread) and the time it took.
/// </summary>
internal sealed record BoundedRun(CliRun Run, long AllocatedBytes, TimeSpan Elapsed)
{
    /// <summary>
    /// The most one command may allocate for an input of <paramref name="fileLength"/> bytes. The tool reads the whole
    /// file a few times over (identify it, read its tables, copy it) and writes one copy, each a small multiple of the
    /// file; 64 times the file leaves room for all of that, the constant covers parsing the command line and the
    /// first use of the code. A reader that trusts a size or follows a looping chain allocates gigabytes: far above.
    /// </summary>
    public static long MemoryBound(long fileLength) => (64 * fileLength) + (32L << 20);

    /// <summary>
    /// The longest one command may take: normal runs take milliseconds; a bound this loose never flakes on a loaded
    /// machine, and a loop that rereads the file's sectors, or walks a crafted count, takes far longer.
    /// </summary>
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(20);

    public static BoundedRun Of(params string[] args)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var run = CliRun.Of(args);
        return new BoundedRun(run, GC.GetAllocatedBytesForCurrentThread() - before, clock.Elapsed);
    }

    /// <summary>Fails unless the run stayed within both bounds for an input of <paramref name="fileLength"/> bytes.</summary>
    public BoundedRun WithinBounds(long fileLength, string what)
    {
        Assert.True(AllocatedBytes <= MemoryBound(fileLength), $"{what}: allocated {AllocatedBytes:N0} bytes for a file of {fileLength:N0} (bound {MemoryBound(fileLength):N0}).");
        Assert.True(Elapsed <= TimeBound, $"{what}: took {Elapsed.TotalSeconds:F1} s (bound {TimeBound.TotalSeconds} s).");
        return this;
    }
}
