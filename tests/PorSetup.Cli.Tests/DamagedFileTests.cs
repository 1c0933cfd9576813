// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;
using System.Globalization;
using PorSetup.Msi;

namespace PorSetup.Cli.Tests;

/// <summary>
/// The damaged and crafted files of issue 18: each is refused as a file error (exit 3) with one plain sentence that
/// says what is damaged, within a memory bound, and stamp and transform write nothing.
/// </summary>
public sealed class DamagedFileTests : IDisposable
{
    private const string BinaryStream = "Binary.PorSetupCustomAction";
    private const string Damaged = "is not an MSI database: it is damaged (";

    private readonly string folder = Directory.CreateTempSubdirectory("porsetup-damaged-").FullName;

    // Before the fix: the 2 GiB size sent the stream to the mini-stream path, which allocated it (OutOfMemoryException, exit 1).
    [Fact]
    public void A2GiBStream_WithTheMiniStreamCutoffAtItsMaximum_IsADamagedHeader()
    {
        var msi = this.Write("cutoff.msi", (bytes, layout) =>
        {
            Put32(bytes, 56, uint.MaxValue);
            Put32(bytes, layout.Stream(BinaryStream).Offset + CompoundLayout.Entry.SizeField, int.MaxValue);
        });

        this.AssertRefusedByEveryCommand(msi, "its header holds a value no Windows Installer file has");
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(uint.MaxValue)]
    public void AStreamLargerThanTheFile_IsRefused_BeforeItIsAllocated(uint size)
    {
        var msi = this.Write("large.msi", (bytes, layout) => Put32(bytes, layout.Stream(BinaryStream).Offset + CompoundLayout.Entry.SizeField, size));

        this.AssertRefusedByEveryCommand(msi, $"the sectors of its stream {BinaryStream} loop, overlap another stream, leave the file or are fewer than its size says");
    }

    // Before the fix: read as its first sector repeated; inspect exited 0 and stamp wrote a copy whose custom action was garbage.
    [Fact]
    public void ARegularStreamWhoseChainPointsBackAtItself_IsRefused_AndNothingIsWritten()
    {
        var msi = this.Write("loop.msi", (bytes, layout) =>
        {
            var start = layout.Stream(BinaryStream).Start;
            Put32(bytes, layout.FatEntryOffset(start), start);
        });

        this.AssertRefusedByEveryCommand(msi, $"the sectors of its stream {BinaryStream} loop");
    }

    // Issue 18, item 3: the Binary stream is read in full before anything is written, so its damage leaves no output.
    [Fact]
    public void ABinaryStreamWhoseChainLeavesTheFile_LeavesNoOutput()
    {
        var msi = this.Write("leaves.msi", (bytes, layout) =>
        {
            var chain = layout.Chain(layout.Stream(BinaryStream).Start);
            Put32(bytes, layout.FatEntryOffset(chain[^2]), (uint)layout.SectorCount + 3);
        });

        this.AssertRefusedByEveryCommand(msi, $"the sectors of its stream {BinaryStream} loop, overlap another stream, leave the file");
    }

    // Before the fix: 16 KiB took 758 MB. The header lists its one FAT sector 109 times, a FAT of 111,616 entries,
    // and a looping chain was followed as many steps as the FAT has entries.
    [Fact]
    public void AVersion4FileOf16KiBWithLoopingChains_IsRefused_InAFewMegabytes()
    {
        var root = new CompoundStorage("Root Entry") { Clsid = CompoundFile.PackageClsid };
        root.SetStream("A", new byte[4096]);
        var bytes = Version4File.Write(root);
        var layout = new CompoundLayout(bytes);
        Assert.Equal(16 * 1024, bytes.Length);
        foreach (var sector in layout.DirectorySectors.Append(layout.Stream("A").Start))
        {
            Put32(bytes, layout.FatEntryOffset(sector), sector);
        }

        Put32(bytes, 44, 109);
        for (var i = 0; i < 109; i++)
        {
            Put32(bytes, 76 + (i * 4), layout.FatSectors[0]);
        }

        var file = Path.Combine(this.folder, "v4.msi");
        File.WriteAllBytes(file, bytes);

        var run = BoundedRun.Of("inspect", file).WithinBounds(bytes.Length, "inspect of the 16 KiB looping file").Run;

        CliAssert.FileError(run, file, Damaged);
    }

    [Fact]
    public void AVersion4StreamWhoseSizeHasItsHighDoubleWordSet_IsRefused()
    {
        var mst = this.Transform();
        var bytes = Version4File.Write(CompoundFile.Read(mst));
        var layout = new CompoundLayout(bytes);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(layout.Stream("Property").Offset + CompoundLayout.Entry.SizeField), ulong.MaxValue);
        var file = Path.Combine(this.folder, "v4.mst");
        File.WriteAllBytes(file, bytes);

        var run = BoundedRun.Of("inspect", file).WithinBounds(bytes.Length, "inspect").Run;

        CliAssert.FileError(run, file, $"{Damaged}the sectors of its stream Property");
    }

    // The reader is checked on the other version too: the same transform in 4096-byte sectors says the same.
    [Fact]
    public void AVersion4Transform_ReadsAsItsVersion3Original()
    {
        var mst = this.Transform();
        var v4 = Path.Combine(this.folder, "v4.mst");
        File.WriteAllBytes(v4, Version4File.Write(CompoundFile.Read(mst)));

        var original = CliRun.Of("inspect", mst);
        var copy = CliRun.Of("inspect", v4);

        Assert.Equal(ExitCodes.Success, copy.ExitCode);
        Assert.Equal(original.Output.Replace(mst, v4, StringComparison.Ordinal), copy.Output);
    }

    [Fact]
    public void AStringPoolWithALongStringOf4GiB_IsABrokenStringTable()
    {
        var msi = this.Write("pool.msi", (bytes, layout) =>
        {
            var pool = layout.Stream("_StringPool");

            // The first string entry becomes a long-string marker (length 0, high word 1) followed by a 32-bit length.
            Put32(bytes, layout.StreamByteOffset(pool, 4), 0x0001_0000);
            Put32(bytes, layout.StreamByteOffset(pool, 8), uint.MaxValue);
        });

        this.AssertRefusedByEveryCommand(msi, "its string table is broken");
    }

    [Theory]
    [InlineData(44, uint.MaxValue)]
    [InlineData(44, int.MaxValue)]
    [InlineData(52, uint.MaxValue)]
    [InlineData(52, int.MaxValue)]
    public void SummaryInformationWithACountOrOffsetAtItsExtreme_IsBroken(int field, uint value)
    {
        var msi = this.Write("summary.msi", (bytes, layout) =>
        {
            var summary = layout.Stream("\u0005SummaryInformation");
            Put32(bytes, layout.StreamByteOffset(summary, field), value);
        });

        this.AssertRefusedByEveryCommand(msi, "its summary information is broken");
    }

    [Fact]
    public void ADirectoryEntryWithANameNoCompoundFileHolds_IsABrokenDirectory()
    {
        var msi = this.Write("name.msi", (bytes, layout) => "/\0"u8.CopyTo(bytes.AsSpan(layout.Stream(BinaryStream).Offset)));

        this.AssertRefusedByEveryCommand(msi, "its directory of streams is broken");
    }

    // A link set to "no sibling" cuts its subtree off: a copy written from what is reached would silently lose it.
    [Fact]
    public void ASubtreeCutOffByALink_IsABrokenDirectory()
    {
        var msi = this.Write("cut.msi", (bytes, layout) =>
        {
            var parent = layout.Entries.First(e => e.Type is 1 or 2 && Link(bytes, e, CompoundLayout.Entry.RightField) != NoSibling);
            Put32(bytes, parent.Offset + CompoundLayout.Entry.RightField, NoSibling);
        });

        this.AssertRefusedByEveryCommand(msi, "its directory of streams is broken");
    }

    // The siblings' order is not required: a writer whose name comparison differs from ours still makes a sound file.
    [Fact]
    public void SiblingsOutOfOrder_AreReadAsTheSameFile()
    {
        var msi = this.Write("order.msi", (bytes, layout) =>
        {
            // The greater sibling becomes the lesser: the walk then meets that subtree before its parent.
            var entry = layout.Entries.First(e => e.Type is 1 or 2
                && Link(bytes, e, CompoundLayout.Entry.LeftField) == NoSibling && Link(bytes, e, CompoundLayout.Entry.RightField) != NoSibling);
            Put32(bytes, entry.Offset + CompoundLayout.Entry.LeftField, Link(bytes, entry, CompoundLayout.Entry.RightField));
            Put32(bytes, entry.Offset + CompoundLayout.Entry.RightField, NoSibling);
        });

        var original = CliRun.Of("inspect", TestMsi.Shipped);
        var swapped = CliRun.Of("inspect", msi);

        Assert.Equal(ExitCodes.Success, swapped.ExitCode);
        Assert.Equal(original.Output.Replace(TestMsi.Shipped, "MSI", StringComparison.Ordinal), swapped.Output.Replace(msi, "MSI", StringComparison.Ordinal));
    }

    [Fact]
    public void InFrench_TheDamageIsSaidInFrench()
    {
        var msi = this.Write("boucle.msi", (bytes, layout) =>
        {
            var start = layout.Stream(BinaryStream).Start;
            Put32(bytes, layout.FatEntryOffset(start), start);
        });
        var culture = CultureInfo.CurrentUICulture;
        CliRun run;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            run = CliRun.Of("inspect", msi);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        CliAssert.FileError(run, msi, $"n'est pas une base de données MSI : elle est endommagée (les secteurs de son flux {BinaryStream} bouclent");
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    private const uint NoSibling = 0xFFFFFFFF;

    private static uint Link(byte[] bytes, CompoundLayout.Entry entry, int field) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(entry.Offset + field));

    private static void Put32(byte[] bytes, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);

    private string Write(string name, Action<byte[], CompoundLayout> damage)
    {
        var bytes = File.ReadAllBytes(TestMsi.Shipped);
        damage(bytes, new CompoundLayout(bytes));
        var path = Path.Combine(this.folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Transform()
    {
        var mst = Path.Combine(this.folder, "PartnerId-1234567.mst");
        Assert.Equal(ExitCodes.Success, CliRun.Of("transform", TestMsi.Shipped, "-p", "1234567", "-o", mst).ExitCode);
        return mst;
    }

    private void AssertRefusedByEveryCommand(string msi, string what)
    {
        var length = new FileInfo(msi).Length;
        CliAssert.FileError(BoundedRun.Of("inspect", msi).WithinBounds(length, "inspect").Run, msi, Damaged + what);
        foreach (var command in new[] { "stamp", "transform" })
        {
            var output = Path.Combine(this.folder, $"{command}-output");
            var run = BoundedRun.Of(command, msi, "-p", "1234567", "-o", output).WithinBounds(length, command).Run;

            CliAssert.FileError(run, msi, Damaged + what);
            Assert.False(File.Exists(output), $"{command} wrote {output} from a damaged input.");
            Assert.Empty(Directory.GetFiles(this.folder, "*.tmp-*"));
        }
    }
}
