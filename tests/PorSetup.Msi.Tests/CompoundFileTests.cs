// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;

namespace PorSetup.Msi.Tests;

public class CompoundFileTests
{
    [Fact]
    public void WriteThenRead_KeepsTreeStreamsAndMetadata()
    {
        var root = SampleTree();

        var read = CompoundFile.Read(ToBytes(root));

        AssertSameStorage(root, read);
    }

    [Fact]
    public void Write_IsDeterministic()
    {
        var first = ToBytes(SampleTree());

        Assert.Equal(first, ToBytes(CompoundFile.Read(first)));
    }

    [Fact]
    public void Write_SiblingTrees_AreOrderedRedBlackTrees()
    {
        var file = ToBytes(SampleTree());

        var entries = ReadDirectory(file);

        Assert.Equal(CfbConstants.TypeRoot, entries[0].Type);
        var storages = Enumerable.Range(0, entries.Count).Where(i => entries[i].Type is CfbConstants.TypeRoot or CfbConstants.TypeStorage).ToList();
        Assert.Equal(3, storages.Count);
        foreach (var storage in storages)
        {
            CheckSiblingTree(entries, entries[storage].Child);
        }
    }

    [Fact]
    public void Write_MoreThan109FatSectors_UsesDifat()
    {
        var root = new CompoundStorage("Root Entry");
        var big = new byte[9 * 1024 * 1024];
        new Random(7).NextBytes(big);
        root.SetStream("big", big);
        root.SetStream("small", [1, 2, 3]);

        var file = ToBytes(root);
        var read = CompoundFile.Read(file);

        Assert.True(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(44)) > 109, "expected more FAT sectors than the header lists");
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(72)));
        Assert.Equal(big, read.FindStream("big")!.Data);
        Assert.Equal([1, 2, 3], read.FindStream("small")!.Data);
    }

    [Fact]
    public void Write_DuplicateNamesDifferingInCase_Throws()
    {
        var root = new CompoundStorage("Root Entry");
        root.Streams.Add(new CompoundStreamEntry("Name", []));
        root.Streams.Add(new CompoundStreamEntry("NAME", []));

        Assert.Throws<InvalidOperationException>(() => ToBytes(root));
    }

    [Fact]
    public void Read_NotACompoundFile_Throws()
    {
        Assert.Throws<DamagedFileException>(() => CompoundFile.Read(new byte[1024]));
    }

    // MS-CFB gives each sector one owner: a second stream that starts in the first one's sectors is damage, not a copy.
    [Fact]
    public void Read_TwoStreamsSharingSectors_IsDamage()
    {
        var root = new CompoundStorage("Root Entry");
        root.SetStream("first", new byte[8192]);
        root.SetStream("second", new byte[8192]);
        var file = ToBytes(root);
        var entries = ReadDirectory(file);
        var first = entries.FindIndex(e => e.Name == "first");
        var second = entries.FindIndex(e => e.Name == "second");
        var directory = (int)(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(48)) + 1) * 512;
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(directory + (second * 128) + 116), entries[first].StartSector);

        var damage = Assert.Throws<DamagedFileException>(() => CompoundFile.Read(file));

        Assert.Equal(FileDamage.Stream, damage.Damage);
    }

    [Theory]
    [InlineData(56, 0xFFFFFFFFu)]
    [InlineData(56, 0u)]
    [InlineData(28, 0xFEFFu)]
    [InlineData(30, 12u)]
    [InlineData(32, 7u)]
    [InlineData(40, 1u)]
    [InlineData(44, 0u)]
    [InlineData(44, 0xFFFFFFFFu)]
    public void Read_AHeaderFieldWithAValueNoMsiHas_IsDamage(int offset, uint value)
    {
        var root = new CompoundStorage("Root Entry");
        root.SetStream("stream", [1, 2, 3]);
        var file = ToBytes(root);
        if (offset is 28 or 30 or 32)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(offset), (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(offset), value);
        }

        var damage = Assert.Throws<DamagedFileException>(() => CompoundFile.Read(file));

        Assert.Equal(FileDamage.Header, damage.Damage);
    }

    [MsitoolsFact]
    public void WriteThenRead_WixlPackage_MsitoolsSeesTheSameDatabase()
    {
        using var scratch = new ScratchDirectory();
        var msi = TestPackage.Build(scratch);
        var copy = scratch.File("copy.msi");

        var root = CompoundFile.Read(msi);
        CompoundFile.Write(root, copy);

        AssertSameStorage(root, CompoundFile.Read(copy));
        Tool.RunChecked("msidump", "-d", Directory.CreateDirectory(scratch.File("a")).FullName, msi);
        Tool.RunChecked("msidump", "-d", Directory.CreateDirectory(scratch.File("b")).FullName, copy);
        var tables = Directory.GetFiles(scratch.File("a")).Select(Path.GetFileName).Order().ToList();
        Assert.Contains("Property.idt", tables);
        Assert.Equal(tables, Directory.GetFiles(scratch.File("b")).Select(Path.GetFileName).Order());
        foreach (var table in tables)
        {
            Assert.Equal(File.ReadAllText(scratch.File("a/" + table)), File.ReadAllText(scratch.File("b/" + table)));
        }
    }

    private static CompoundStorage SampleTree()
    {
        var root = new CompoundStorage("Root Entry") { Clsid = CompoundFile.PackageClsid, ModifiedTime = 0x01D9_0000_0000_0000 };
        var random = new Random(42);
        foreach (var size in new[] { 0, 1, 63, 64, 65, 4095, 4096, 4097, 100_000 })
        {
            var data = new byte[size];
            random.NextBytes(data);
            root.SetStream($"s{size}", data);
        }

        for (var i = 0; i < 40; i++)
        {
            root.SetStream(new string((char)('a' + (i % 26)), 1 + (i / 26)) + "stream", [(byte)i]);
        }

        var child = new CompoundStorage("Child") { Clsid = CompoundFile.TransformClsid, StateBits = 3, CreationTime = 123, ModifiedTime = 456 };
        child.SetStream("\u0005SummaryInformation", [9, 9, 9]);
        child.SetStream(MsiStreamName.Encode("Property", table: true), new byte[5000]);
        var grandchild = new CompoundStorage("Empty");
        child.Storages.Add(grandchild);
        root.Storages.Add(child);
        return root;
    }

    private static byte[] ToBytes(CompoundStorage root)
    {
        using var output = new MemoryStream();
        CompoundFile.Write(root, output);
        Assert.Equal(0, output.Length % 512);
        return output.ToArray();
    }

    private static void AssertSameStorage(CompoundStorage expected, CompoundStorage actual)
    {
        Assert.Equal(expected.Clsid, actual.Clsid);
        Assert.Equal(expected.StateBits, actual.StateBits);
        Assert.Equal(expected.ModifiedTime, actual.ModifiedTime);
        Assert.Equal(expected.Streams.Select(s => s.Name).Order(), actual.Streams.Select(s => s.Name).Order());
        foreach (var stream in expected.Streams)
        {
            Assert.Equal(stream.Data, actual.FindStream(stream.Name)!.Data);
        }

        Assert.Equal(expected.Storages.Select(s => s.Name).Order(), actual.Storages.Select(s => s.Name).Order());
        foreach (var storage in expected.Storages)
        {
            AssertSameStorage(storage, actual.FindStorage(storage.Name)!);
        }
    }

    /// <summary>Reads the directory the way a strict reader would: header DIFAT, FAT, directory chain.</summary>
    private static List<CfbDirectoryEntry> ReadDirectory(byte[] file)
    {
        uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
        var fat = new List<uint>();
        for (var i = 0; i < U32(44); i++)
        {
            var sector = (int)U32(76 + (i * 4));
            for (var j = 0; j < 128; j++)
            {
                fat.Add(U32(((sector + 1) * 512) + (j * 4)));
            }
        }

        var entries = new List<CfbDirectoryEntry>();
        for (var sector = U32(48); sector != CfbConstants.EndOfChain; sector = fat[(int)sector])
        {
            for (var j = 0; j < 4; j++)
            {
                entries.Add(CfbDirectoryEntry.Parse(file.AsSpan((int)((sector + 1) * 512) + (j * 128), 128), version3: true));
            }
        }

        return entries;
    }

    private static void CheckSiblingTree(List<CfbDirectoryEntry> entries, uint root)
    {
        if (root != CfbConstants.NoStream)
        {
            Assert.Equal(CfbConstants.ColorBlack, entries[(int)root].Color);
            BlackHeight(entries, root, null, null, parentRed: false);
        }
    }

    private static int BlackHeight(List<CfbDirectoryEntry> entries, uint node, string? low, string? high, bool parentRed)
    {
        if (node == CfbConstants.NoStream)
        {
            return 1;
        }

        var entry = entries[(int)node];
        var red = entry.Color == CfbConstants.ColorRed;
        Assert.False(parentRed && red, $"red entry '{entry.Name}' has a red parent");
        Assert.True(low is null || CompoundName.Comparer.Compare(low, entry.Name) < 0, $"'{entry.Name}' is out of order");
        Assert.True(high is null || CompoundName.Comparer.Compare(entry.Name, high) < 0, $"'{entry.Name}' is out of order");
        var left = BlackHeight(entries, entry.Left, low, entry.Name, red);
        var right = BlackHeight(entries, entry.Right, entry.Name, high, red);
        Assert.Equal(left, right);
        return left + (red ? 0 : 1);
    }
}
